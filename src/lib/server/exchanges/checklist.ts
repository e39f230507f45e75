// What an exchange still lacks before it can be published (and, once public, what is incomplete):
// texts in each language offered, a session, a valid time zone, the privacy text registrants
// consent to in each language, and named axes. The exchanges domain composes the events and the
// registrations domains: it reads both their tables, and publishes through events' publishEvent
// with this checklist as the proof, so the events domain never depends on this one.
import { asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import type { Locale } from '../../i18n/localized.ts';
import { isValidTimeZone } from '../../time.ts';
import { axis, event, eventSession } from '../events/schema.ts';
import { registrationSettings } from '../registrations/schema.ts';
import { assertCanManageEvent, publishEvent } from '../events/index.ts';

export const CHECKLIST_TEXT_FIELDS = ['title', 'summary', 'background', 'objective', 'format'] as const;
export type ChecklistTextField = (typeof CHECKLIST_TEXT_FIELDS)[number];

/** One thing missing, precise enough for the page to link to the field that fixes it. */
export type ChecklistItem =
	| { kind: 'text'; field: ChecklistTextField; locale: Locale }
	| { kind: 'session' }
	| { kind: 'time_zone' }
	| { kind: 'privacy'; locale: Locale }
	| { kind: 'axis' }
	| { kind: 'axis_name'; axisId: string; position: number; locale: Locale };

/** A stable code for each item (tests and logs): text.summary.pt, session, privacy.en, axis_name.2.pt … */
export function checklistCode(item: ChecklistItem): string {
	switch (item.kind) {
		case 'text':
			return `text.${item.field}.${item.locale}`;
		case 'privacy':
			return `privacy.${item.locale}`;
		case 'axis_name':
			return `axis_name.${item.position}.${item.locale}`;
		default:
			return item.kind;
	}
}

const filled = (value: string | undefined) => (value ?? '').trim() !== '';

/** The items still missing, in the order the editor shows its sections; empty when it can be published. */
export async function missingItems(ctx: Pick<Ctx, 'db'>, eventId: string): Promise<ChecklistItem[]> {
	const [row] = await ctx.db
		.select({
			title: event.title,
			summary: event.summary,
			background: event.background,
			objective: event.objective,
			format: event.format,
			timeZone: event.timeZone,
			languages: event.languages,
			sessions: sql<number>`(select count(*) from ${eventSession} where ${eventSession.eventId} = ${event.id})::int`,
			privacyText: registrationSettings.privacyText
		})
		.from(event)
		.leftJoin(registrationSettings, eq(registrationSettings.eventId, event.id))
		.where(eq(event.id, eventId));
	if (!row) return [];
	const axes = await ctx.db.select({ id: axis.id, position: axis.position, name: axis.name }).from(axis).where(eq(axis.eventId, eventId)).orderBy(asc(axis.position));
	const languages: Locale[] = row.languages.includes('es') ? row.languages : ['es', ...row.languages];
	const missing: ChecklistItem[] = [];
	for (const locale of languages) {
		for (const field of CHECKLIST_TEXT_FIELDS) if (!filled(row[field][locale])) missing.push({ kind: 'text', field, locale });
	}
	if (!isValidTimeZone(row.timeZone)) missing.push({ kind: 'time_zone' });
	if (axes.length === 0) missing.push({ kind: 'axis' });
	for (const a of axes) {
		for (const locale of languages) if (!filled(a.name[locale])) missing.push({ kind: 'axis_name', axisId: a.id, position: a.position, locale });
	}
	if (row.sessions === 0) missing.push({ kind: 'session' });
	for (const locale of languages) if (!filled(row.privacyText?.[locale])) missing.push({ kind: 'privacy', locale });
	return missing;
}

/** The checklist an organiser sees: what is missing, and whether it can be published. */
export async function publishingChecklist(ctx: Ctx, { eventId }: { eventId: string }): Promise<{ missing: ChecklistItem[]; ready: boolean }> {
	assertCanManageEvent(ctx, eventId);
	const missing = await missingItems(ctx, eventId);
	return { missing, ready: missing.length === 0 };
}

/** Publish a draft once nothing is missing; refused with conflict "checklist" otherwise. */
export async function publishExchange({ ctx, eventId }: { ctx: Ctx; eventId: string }) {
	await publishEvent({ ctx, eventId, check: missingItems });
}
