// The organisers' dashboard: for each exchange, where it stands and what to do next, with
// counts and links. It only reads (other domains' schemas for counts, their index.ts for rules).
import { and, count, countDistinct, eq, gt, inArray, sql } from 'drizzle-orm';
import { m } from '../../paraglide/messages.js';
import type { Ctx } from '../context.ts';
import { pick, type Locale } from '../../i18n/localized.ts';
import { formatDateTime } from '../../time.ts';
import { plural } from '../audit/index.ts';
import { listEventsForOrganiser } from '../events/index.ts';
import { eventSession } from '../events/schema.ts';
import { registrationWindow } from '../registrations/index.ts';
import { registration } from '../registrations/schema.ts';
import { outbox } from '../mail/schema.ts';
import { practice } from '../practices/schema.ts';
import { canModeratePractices } from '../practices/index.ts';
import { canReadInstallationRecords } from '../auth/index.ts';

export interface NextStep {
	/** Which kind of step (for tests and styling). */
	kind: 'registration' | 'pending' | 'failed' | 'next_session' | 'review' | 'outbox';
	text: string;
	href: string | null;
}

export interface ExchangeOverview {
	id: string;
	slug: string;
	title: { text: string; lang: Locale };
	status: string;
	updatedAt: Date;
	steps: NextStep[];
}

const DAY = 86_400_000;

/** The exchanges the person manages, each with its next steps (only those that apply), and the installation's own. */
export async function dashboardFor(ctx: Ctx, { now, zone }: { now: Date; zone: string }): Promise<{ exchanges: ExchangeOverview[]; general: NextStep[] }> {
	const locale = ctx.locale;
	const events = await listEventsForOrganiser(ctx);
	const ids = events.map((e) => e.id);
	const pending = new Map<string, number>();
	const failed = new Map<string, number>();
	const nextSession = new Map<string, Date>();
	if (ids.length) {
		for (const r of await ctx.db
			.select({ eventId: registration.eventId, n: count() })
			.from(registration)
			.where(and(inArray(registration.eventId, ids), eq(registration.status, 'pending')))
			.groupBy(registration.eventId))
			pending.set(r.eventId, r.n);
		// Mails about a registration carry its id: failures are counted per person (address).
		for (const r of await ctx.db
			.select({ eventId: registration.eventId, n: countDistinct(outbox.recipient) })
			.from(outbox)
			.innerJoin(registration, sql`${registration.id}::text = ${outbox.payload}->>'registrationId'`)
			.where(and(inArray(registration.eventId, ids), eq(outbox.state, 'failed')))
			.groupBy(registration.eventId))
			failed.set(r.eventId, r.n);
		for (const r of await ctx.db
			.select({ eventId: eventSession.eventId, startsAt: sql<Date>`min(${eventSession.startsAt})`.mapWith(eventSession.startsAt) })
			.from(eventSession)
			.where(and(inArray(eventSession.eventId, ids), gt(eventSession.startsAt, now)))
			.groupBy(eventSession.eventId))
			nextSession.set(r.eventId, r.startsAt);
	}
	const exchanges: ExchangeOverview[] = [];
	for (const e of events) {
		const steps: NextStep[] = [];
		const base = `/admin/events/${e.id}`;
		if (e.status === 'published') {
			const window = await registrationWindow(ctx, { eventId: e.id, now });
			if (window.open) {
				steps.push({
					kind: 'registration',
					text: window.closesAt ? m.dash_registration_open_until({ date: formatDateTime(window.closesAt, zone, locale) }, { locale }) : m.dash_registration_open({}, { locale }),
					href: `${base}/registrations`
				});
			} else if (window.reason === 'not_yet') {
				const days = Math.max(1, Math.ceil((window.opensAt.getTime() - now.getTime()) / DAY));
				steps.push({ kind: 'registration', text: plural('dash_registration_opens', days, { date: formatDateTime(window.opensAt, zone, locale) }, locale), href: `${base}/registrations` });
			} else if (window.reason === 'closed') {
				steps.push({ kind: 'registration', text: m.dash_registration_closed({}, { locale }), href: `${base}/registrations` });
			} else if (window.reason === 'over') {
				steps.push({ kind: 'registration', text: m.dash_registration_over({}, { locale }), href: `${base}/registrations` });
			}
		} else {
			steps.push({ kind: 'registration', text: m.dash_draft({}, { locale }), href: base });
		}
		const waiting = pending.get(e.id) ?? 0;
		if (waiting) steps.push({ kind: 'pending', text: plural('dash_pending', waiting, {}, locale), href: `${base}/registrations` });
		const failures = failed.get(e.id) ?? 0;
		if (failures) steps.push({ kind: 'failed', text: plural('dash_failed', failures, {}, locale), href: canReadInstallationRecords(ctx.actor) ? '/admin/outbox' : null });
		const next = nextSession.get(e.id);
		if (next) steps.push({ kind: 'next_session', text: m.dash_next_session({ date: formatDateTime(next, zone, locale) }, { locale }), href: base });
		exchanges.push({ id: e.id, slug: e.slug, title: pick(e.title, locale), status: e.status, updatedAt: e.updatedAt, steps });
	}
	const general: NextStep[] = [];
	if (canModeratePractices(ctx.actor)) {
		const [{ n }] = await ctx.db.select({ n: count() }).from(practice).where(eq(practice.status, 'submitted'));
		if (n) general.push({ kind: 'review', text: plural('dash_review', n, {}, locale), href: '/admin/practices' });
	}
	if (canReadInstallationRecords(ctx.actor)) {
		const [{ n }] = await ctx.db.select({ n: countDistinct(outbox.recipient) }).from(outbox).where(eq(outbox.state, 'failed'));
		if (n) general.push({ kind: 'outbox', text: plural('dash_outbox_failed', n, {}, locale), href: '/admin/outbox' });
	}
	return { exchanges, general };
}

