import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import type { Locale, LocalizedText } from '../../i18n/localized.ts';
import { event, eventSession, network } from './schema.ts';
import { networkUnit, slugRedirect } from '../networks/schema.ts';

type Reader = Pick<Ctx, 'db'>;

export interface EventListFilter {
	/** Only this network's exchanges. */
	networkId?: string;
	/** upcoming: a session still ahead (or no dates yet) · past: every session ended, or archived. */
	when?: 'upcoming' | 'past' | 'all';
	/** Only exchanges offered in this language. */
	language?: Locale;
	limit?: number;
	now: Date;
}

/**
 * The exchanges the public sees (published and archived), with their network, unit and dates,
 * soonest first for upcoming ones and newest first for past ones.
 */
export async function listPublicEvents(ctx: Reader, filter: EventListFilter) {
	const now = filter.now.toISOString();
	const lastEnd = sql<Date | null>`(select max(${eventSession.endsAt}) from ${eventSession} where ${eventSession.eventId} = ${event.id})`;
	const firstStart = sql<Date | null>`(select min(${eventSession.startsAt}) from ${eventSession} where ${eventSession.eventId} = ${event.id})`;
	const conditions: SQL[] = [inArray(event.status, ['published', 'archived'])];
	if (filter.networkId) conditions.push(eq(event.networkId, filter.networkId));
	if (filter.language) conditions.push(sql`${filter.language} = any(${event.languages})`);
	const upcoming = sql`${event.status} = 'published' and (${lastEnd} is null or ${lastEnd} > ${now}::timestamptz)`;
	if (filter.when === 'upcoming') conditions.push(upcoming);
	if (filter.when === 'past') conditions.push(sql`not (${upcoming})`);
	const rows = await ctx.db
		.select({
			id: event.id,
			slug: event.slug,
			title: event.title,
			summary: event.summary,
			timeZone: event.timeZone,
			languages: event.languages,
			status: event.status,
			concludedAt: event.concludedAt,
			isDemo: event.isDemo,
			updatedAt: event.updatedAt,
			publishedAt: event.publishedAt,
			unit: sql<LocalizedText | null>`${networkUnit.name}`,
			networkId: network.id,
			networkSlug: network.slug,
			networkName: network.name,
			networkShortName: network.shortName,
			firstStart,
			lastEnd
		})
		.from(event)
		.innerJoin(network, eq(network.id, event.networkId))
		.leftJoin(networkUnit, eq(networkUnit.id, event.unitId))
		.where(and(...conditions))
		// asc()/desc() would put the direction after NULLS …, which PostgreSQL refuses.
		.orderBy(filter.when === 'upcoming' ? sql`${firstStart} asc nulls last` : sql`${firstStart} desc nulls first`, asc(event.slug))
		.limit(filter.limit ?? 500);
	const ids = rows.map((r) => r.id);
	const sessions = ids.length
		? await ctx.db
				.select({ eventId: eventSession.eventId, startsAt: eventSession.startsAt, endsAt: eventSession.endsAt })
				.from(eventSession)
				.where(inArray(eventSession.eventId, ids))
				.orderBy(asc(eventSession.startsAt))
		: [];
	// Raw subquery timestamps come back as text on some drivers: make them dates.
	const asDate = (v: Date | string | null) => (v === null ? null : new Date(v));
	return rows.map((r) => ({
		...r,
		firstStart: asDate(r.firstStart),
		lastEnd: asDate(r.lastEnd),
		sessions: sessions.filter((s) => s.eventId === r.id).map(({ startsAt, endsAt }) => ({ startsAt, endsAt }))
	}));
}
export type PublicEventListItem = Awaited<ReturnType<typeof listPublicEvents>>[number];

/** Resolve an exchange's address: its slug now, or an old slug it had (for a permanent redirect). */
export async function resolveEventSlug(ctx: Reader, slug: string): Promise<{ id: string; slug: string; redirected: boolean } | null> {
	const [current] = await ctx.db.select({ id: event.id, slug: event.slug }).from(event).where(eq(event.slug, slug));
	if (current) return { ...current, redirected: false };
	const [old] = await ctx.db
		.select({ id: event.id, slug: event.slug })
		.from(slugRedirect)
		.innerJoin(event, eq(event.id, slugRedirect.targetId))
		.where(and(eq(slugRedirect.kind, 'event'), eq(slugRedirect.slug, slug)));
	return old ? { ...old, redirected: true } : null;
}
