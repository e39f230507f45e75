// Copying a past exchange's structure into a new draft edition: the event row, its axes and its
// sessions moved to new dates. The exchanges domain calls copyEventStructure inside its own
// transaction, together with the registrations and survey domains' copies, and records the one
// `event.copied` audit entry for the whole copy.
import { asc, eq } from 'drizzle-orm';
import { DomainError, inTransaction, type Ctx } from '../context.ts';
import { canManageNetwork } from '../auth/index.ts';
import { LOCALES, type LocalizedText, type Locale } from '../../i18n/localized.ts';
import { utcToZonedWallTime, zonedWallTimeToUtc, zoneOffsetMinutes } from '../../time.ts';
import { axis, event, eventSession, type EVENT_STATUSES } from './schema.ts';
import { assertEventSlugFree, assertUnitOfNetwork } from './create.ts';
import { canManageEvent, isPublic } from './rules.ts';

const DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from one calendar date (YYYY-MM-DD) to another; null when either is not a real date. */
export function daysBetween(from: string, to: string): number | null {
	const at = (s: string) => {
		const m = DATE.exec(s);
		if (!m) return null;
		const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
		return new Date(t).getUTCDate() === +m[3] ? t : null;
	};
	const a = at(from);
	const b = at(to);
	return a === null || b === null ? null : Math.round((b - a) / DAY);
}

/** A calendar date `days` later (or earlier). */
export function addDays(date: string, days: number): string {
	const m = DATE.exec(date)!;
	return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The instant `days` calendar days later on the wall clock of `zone`: 10:00 stays 10:00 there,
 * whatever daylight-saving change lies between. A wall time the clocks skip on the new day (a
 * spring-forward gap) moves on by the length of the jump.
 */
export function shiftByDays(instant: Date, days: number, zone: string): Date {
	const wall = utcToZonedWallTime(instant, zone);
	const date = addDays(wall.date, days);
	const exact = zonedWallTimeToUtc(date, wall.time, zone);
	if (exact) return exact;
	// Read with the offset from before the jump, as calendars do: 02:30 becomes 03:30.
	const [y, mo, d] = date.split('-').map(Number);
	const [h, mi] = wall.time.split(':').map(Number);
	const asUtc = Date.UTC(y, mo - 1, d, h, mi);
	return new Date(asUtc - zoneOffsetMinutes(zone, new Date(asUtc - DAY / 2)) * 60_000);
}

/**
 * Where a copy's sessions land. The rule: the first session (the earliest) falls exactly on the
 * chosen date; every session moves by the same number of calendar days, so they keep their
 * distance in days from one another; each keeps its start and end on the wall clock of the
 * event's zone. The weekday is kept exactly when the chosen date has the first session's weekday
 * (the copy form warns otherwise).
 */
export function shiftedSessionTimes<S extends { startsAt: Date; endsAt: Date }>(
	sessions: readonly S[],
	timeZone: string,
	firstSessionDate: string
): { days: number; sessions: (S & { startsAt: Date; endsAt: Date })[] } | null {
	if (sessions.length === 0) return { days: 0, sessions: [] };
	const first = sessions.reduce((a, b) => (b.startsAt < a.startsAt ? b : a));
	const days = daysBetween(utcToZonedWallTime(first.startsAt, timeZone).date, firstSessionDate);
	if (days === null) return null;
	return {
		days,
		sessions: sessions.map((s) => ({ ...s, startsAt: shiftByDays(s.startsAt, days, timeZone), endsAt: shiftByDays(s.endsAt, days, timeZone) }))
	};
}

/** A title that ends in a year ("… 2021") ends in the new one when the Spanish title's year changed. */
function carriedTitle(old: LocalizedText, spanish: string): LocalizedText {
	const oldYear = /(\d{4})\s*$/.exec(old.es)?.[1];
	const newYear = /(\d{4})\s*$/.exec(spanish)?.[1];
	const out: LocalizedText = { es: spanish };
	for (const l of LOCALES) {
		if (l === 'es' || old[l] === undefined) continue;
		out[l as Exclude<Locale, 'es'>] = oldYear && newYear && oldYear !== newYear ? old[l]!.replace(new RegExp(`${oldYear}(\\s*)$`), `${newYear}$1`) : old[l];
	}
	return out;
}

export interface CopyEventStructureInput {
	networkId: string;
	unitId: string | null;
	slug: string;
	/** The new edition's title in Spanish; the other languages keep the old titles (their year updated). */
	title: string;
	/** YYYY-MM-DD on the event's wall clock; needed when the source has sessions. */
	firstSessionDate: string | null;
}

/** Who may copy an exchange: someone who manages the source exchange and the network the copy goes to. */
/**
 * Who may copy an exchange into a network: someone who organises that network (or an administrator),
 * from an exchange they manage or from any public one (published or archived) — a past edition of
 * another network is a template, and everything copied from it is what its public pages and forms show.
 */
export const canCopyEvent = (actor: Ctx['actor'], source: { id: string; status: (typeof EVENT_STATUSES)[number] }, toNetworkId: string) =>
	(canManageEvent(actor, source.id) || isPublic(source)) && canManageNetwork(actor, toNetworkId);

/**
 * The new draft: the source's texts (every language), languages, zone and attendee setting; its
 * axes' names and descriptions (not the conclusions, nor the moderators); its sessions' titles and
 * capacities at the shifted times (not their join links, recordings or calendar sequence).
 * Not audited on its own: the exchanges domain's copyExchange records the copy as one entry.
 */
export async function copyEventStructure({ ctx, fromEventId, input }: { ctx: Ctx; fromEventId: string; input: CopyEventStructureInput }) {
	return inTransaction(ctx, async (tx) => {
		const [source] = await tx.db.select().from(event).where(eq(event.id, fromEventId));
		if (!source) throw new DomainError('not_found', 'not_found');
		if (!canCopyEvent(ctx.actor, source, input.networkId)) throw new DomainError('forbidden', 'forbidden');
		await assertUnitOfNetwork(tx, input.unitId, input.networkId);
		await assertEventSlugFree(tx, input.slug);
		const axes = await tx.db.select().from(axis).where(eq(axis.eventId, fromEventId)).orderBy(asc(axis.position));
		const sessions = await tx.db.select().from(eventSession).where(eq(eventSession.eventId, fromEventId)).orderBy(asc(eventSession.startsAt));
		if (sessions.length > 0 && !input.firstSessionDate) throw new DomainError('invalid', 'required');
		const shifted = shiftedSessionTimes(sessions, source.timeZone, input.firstSessionDate ?? '');
		if (!shifted) throw new DomainError('invalid', 'date');
		const [row] = await tx.db
			.insert(event)
			.values({
				slug: input.slug,
				networkId: input.networkId,
				unitId: input.unitId,
				title: carriedTitle(source.title, input.title),
				summary: source.summary,
				background: source.background,
				objective: source.objective,
				format: source.format,
				timeZone: source.timeZone,
				languages: source.languages,
				openToPresenters: source.openToPresenters,
				openToAttendees: source.openToAttendees,
				status: 'draft'
			})
			.returning({ id: event.id, slug: event.slug });
		if (axes.length) {
			await tx.db.insert(axis).values(axes.map((a) => ({ eventId: row.id, slug: a.slug, position: a.position, name: a.name, description: a.description })));
		}
		if (shifted.sessions.length) {
			await tx.db.insert(eventSession).values(
				shifted.sessions.map((s) => ({ eventId: row.id, position: s.position, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity }))
			);
		}
		return {
			id: row.id,
			slug: row.slug,
			timeZone: source.timeZone,
			fromTitle: source.title.es,
			/** Calendar days every date moved by (null when the source had no session to move). */
			days: sessions.length ? shifted.days : null,
			axes: axes.length,
			sessions: sessions.length
		};
	});
}

/** What deciding a copy needs of its source: its status (public or not) and network; null when it does not exist. */
export async function eventForCopy(ctx: Pick<Ctx, 'db'>, eventId: string): Promise<{ id: string; status: (typeof EVENT_STATUSES)[number]; networkId: string } | null> {
	const [row] = await ctx.db.select({ id: event.id, status: event.status, networkId: event.networkId }).from(event).where(eq(event.id, eventId));
	return row ?? null;
}
