import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { describeAuditEntry, foldEntries, listAuditEntries, plural, type AuditFilter } from '#lib/server/audit/index.ts';
import { canReadInstallationRecords } from '#lib/server/auth/index.ts';
import { pageNumber } from '#lib/server/http/forms.ts';
import { readViewerZone } from '#lib/server/http/viewer-zone.ts';
import { zonedWallTimeToUtc } from '#lib/time.ts';
import { m } from '#lib/paraglide/messages.js';

const PER_PAGE = 50;

/** The families of actions the filter offers (the part of a code before its dot). */
const AUDIT_AREAS = ['registration', 'registrants', 'session', 'event', 'axis', 'practice', 'place', 'person', 'attendance', 'certificate', 'survey', 'mail', 'organiser'] as const;

/** An entry as stored, for the "raw data" disclosure. */
const raw = (r: { at: Date; action: string; actorKind: string; actorEmail: string | null; actorRef: string | null; entity: string; entityId: string | null; details: unknown }) => ({
	at: r.at,
	action: r.action,
	actor: { kind: r.actorKind, email: r.actorEmail, ref: r.actorRef },
	entity: r.entity,
	entityId: r.entityId,
	details: r.details
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	if (!canReadInstallationRecords(locals.ctx.actor)) error(403, 'Forbidden');
	const zone = readViewerZone(cookies) ?? 'UTC';
	const person = (url.searchParams.get('person') ?? '').trim().slice(0, 200);
	const action = url.searchParams.get('action') ?? '';
	const fromText = url.searchParams.get('from') ?? '';
	const toText = url.searchParams.get('to') ?? '';
	if (action && !(AUDIT_AREAS as readonly string[]).includes(action)) error(400, m.auditlog_bad_action());
	// Days are the reader's: "from" at 00:00 that day, "to" up to the end of its day.
	const day = (text: string, next: boolean) => {
		if (!text) return undefined;
		const start = DATE.test(text) ? zonedWallTimeToUtc(text, '00:00', zone) : null;
		if (!start) error(400, m.auditlog_bad_date());
		return next ? new Date(start.getTime() + 86_400_000) : start;
	};
	const filter: AuditFilter = { person: person || undefined, action: action || undefined, from: day(fromText, false), to: day(toText, true) };
	if (filter.from && filter.to && filter.from >= filter.to) error(400, m.auditlog_bad_range());
	const page = pageNumber(url);
	const { rows, total, names } = await listAuditEntries(locals.ctx, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE, filter });
	const query = new URLSearchParams(Object.entries({ person, action, from: fromText, to: toText }).filter(([, v]) => v));
	return {
		filter: { person, action, from: fromText, to: toText },
		areas: [...AUDIT_AREAS],
		query: query.toString(),
		entries: foldEntries(rows).map(({ entry, members }) => ({
			id: entry.id,
			at: entry.at,
			count: members.length,
			sentence: describeAuditEntry(entry, { locale: locals.locale, zone, names, count: members.length }),
			raw: JSON.stringify(members.length === 1 ? raw(members[0]) : members.map(raw), null, 2)
		})),
		total,
		totalText: plural('auditlog_count', total, {}, locals.locale),
		page,
		pages: Math.max(1, Math.ceil(total / PER_PAGE))
	};
};
