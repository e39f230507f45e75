import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import type { Locale, LocalizedText } from '../../i18n/localized.ts';
import { event, eventSession, network } from './schema.ts';
import { networkUnit, slugRedirect } from '../networks/schema.ts';

type Reader = Pick<Ctx, 'db'>;

export const EVENT_WHEN = ['upcoming', 'past', 'all'] as const;
export type EventWhen = (typeof EVENT_WHEN)[number];

export interface EventListFilter {
	/** Only this network's exchanges. */
	networkId?: string;
	/**
	 * upcoming: published, with a session that has not ended yet (or no dates yet) ·
	 * past: every session ended, or archived · all: both, upcoming ones first.
	 */
	when?: EventWhen;
	/** Only exchanges offered in this language. */
	language?: Locale;
	limit?: number;
	offset?: number;
	now: Date;
}

/** The parts of the listing's SQL that depend on the moment and the filter (shared by the list and its count). */
function listingSql(filter: EventListFilter) {
	const now = filter.now.toISOString();
	const lastEnd = sql<Date | null>`(select max(${eventSession.endsAt}) from ${eventSession} where ${eventSession.eventId} = ${event.id})`;
	const firstStart = sql<Date | null>`(select min(${eventSession.startsAt}) from ${eventSession} where ${eventSession.eventId} = ${event.id})`;
	// The next session that has not ended (a session on now counts: the exchange is live, still upcoming).
	const nextStart = sql<Date | null>`(select min(${eventSession.startsAt}) from ${eventSession} where ${eventSession.eventId} = ${event.id} and ${eventSession.endsAt} > ${now}::timestamptz)`;
	// A session ending exactly now has ended: the boundary belongs to the past.
	const upcoming = sql`(${event.status} = 'published' and (${lastEnd} is null or ${lastEnd} > ${now}::timestamptz))`;
	// Drafts are never listed, whatever the filter.
	const conditions: SQL[] = [inArray(event.status, ['published', 'archived'])];
	if (filter.networkId) conditions.push(eq(event.networkId, filter.networkId));
	if (filter.language) conditions.push(sql`${filter.language} = any(${event.languages})`);
	if (filter.when === 'upcoming') conditions.push(upcoming);
	if (filter.when === 'past') conditions.push(sql`not ${upcoming}`);
	return { lastEnd, firstStart, nextStart, upcoming, where: and(...conditions)! };
}

/**
 * The exchanges the public sees (published and archived), with their network, unit and sessions:
 * upcoming ones soonest first (by their next session; those without dates after), then past ones
 * newest first (by their last session). Two queries, whatever the number of exchanges.
 */
export async function listPublicEvents(ctx: Reader, filter: EventListFilter) {
	const { lastEnd, firstStart, nextStart, upcoming, where } = listingSql(filter);
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
			unitId: event.unitId,
			unit: sql<LocalizedText | null>`${networkUnit.name}`,
			unitSlug: networkUnit.slug,
			networkId: network.id,
			networkSlug: network.slug,
			networkName: network.name,
			networkShortName: network.shortName,
			upcoming: sql<boolean>`${upcoming}`,
			firstStart,
			lastEnd
		})
		.from(event)
		.innerJoin(network, eq(network.id, event.networkId))
		.leftJoin(networkUnit, eq(networkUnit.id, event.unitId))
		.where(where)
		.orderBy(
			sql`${upcoming} desc`,
			sql`case when ${upcoming} then ${nextStart} end asc nulls last`,
			sql`${lastEnd} desc nulls last`,
			asc(event.slug)
		)
		.limit(Math.max(0, Math.min(filter.limit ?? 500, 500)))
		.offset(Math.max(0, filter.offset ?? 0));
	const ids = rows.map((r) => r.id);
	// Public lists never select join links.
	const sessions = ids.length
		? await ctx.db
				.select({
					id: eventSession.id,
					eventId: eventSession.eventId,
					position: eventSession.position,
					title: eventSession.title,
					startsAt: eventSession.startsAt,
					endsAt: eventSession.endsAt,
					sequence: eventSession.sequence
				})
				.from(eventSession)
				.where(inArray(eventSession.eventId, ids))
				.orderBy(asc(eventSession.startsAt), asc(eventSession.position))
		: [];
	// Raw subquery timestamps come back as text on some drivers: make them dates.
	const asDate = (v: Date | string | null) => (v === null ? null : new Date(v));
	return rows.map((r) => ({
		...r,
		upcoming: r.upcoming === true || (r.upcoming as unknown) === 't',
		firstStart: asDate(r.firstStart),
		lastEnd: asDate(r.lastEnd),
		sessions: sessions.filter((s) => s.eventId === r.id).map(({ eventId: _e, ...s }) => s)
	}));
}
export type PublicEventListItem = Awaited<ReturnType<typeof listPublicEvents>>[number];

/** How many exchanges the filter lists (for pagination); limit and offset are ignored. */
export async function countPublicEvents(ctx: Reader, filter: EventListFilter): Promise<number> {
	const { where } = listingSql(filter);
	const [row] = await ctx.db.select({ n: count() }).from(event).where(where);
	return Number(row?.n ?? 0);
}

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

const networkColumns = { id: network.id, slug: network.slug, name: network.name, shortName: network.shortName, updatedAt: network.updatedAt };

/**
 * A network by its address, for the exchanges' filters and feeds: its slug now, or an old slug it
 * had (redirected: the caller answers with a permanent redirect to the current one). Null if none.
 */
export async function resolveNetworkSlug(
	ctx: Reader,
	slug: string
): Promise<{ id: string; slug: string; name: string; shortName: string; updatedAt: Date; redirected: boolean } | null> {
	const [current] = await ctx.db.select(networkColumns).from(network).where(eq(network.slug, slug));
	if (current) return { ...current, redirected: false };
	const [old] = await ctx.db
		.select(networkColumns)
		.from(slugRedirect)
		.innerJoin(network, eq(network.id, slugRedirect.targetId))
		.where(and(eq(slugRedirect.kind, 'network'), eq(slugRedirect.slug, slug)));
	return old ? { ...old, redirected: true } : null;
}

/**
 * Every network with its units in order, for the filters, the sitemap and the open data.
 * The logo itself is not read: only whether there is one.
 */
export async function listPublicNetworks(ctx: Reader) {
	const [networks, units] = await Promise.all([
		ctx.db
			.select({
				id: network.id,
				slug: network.slug,
				name: network.name,
				shortName: network.shortName,
				description: network.description,
				websiteUrl: network.websiteUrl,
				hasLogo: sql<boolean>`(${network.logo} is not null)`,
				isDemo: network.isDemo,
				updatedAt: network.updatedAt
			})
			.from(network)
			.orderBy(asc(network.name), asc(network.slug)),
		ctx.db
			.select({ id: networkUnit.id, networkId: networkUnit.networkId, slug: networkUnit.slug, name: networkUnit.name, description: networkUnit.description })
			.from(networkUnit)
			.orderBy(asc(networkUnit.position), asc(networkUnit.slug))
	]);
	return networks.map((n) => ({
		...n,
		hasLogo: n.hasLogo === true || (n.hasLogo as unknown) === 't',
		units: units.filter((u) => u.networkId === n.id).map(({ networkId: _n, ...u }) => u)
	}));
}
export type PublicNetwork = Awaited<ReturnType<typeof listPublicNetworks>>[number];

/** What a visitor asked /events (or the API) for; the whole choice lives in the URL. */
export interface EventListQuery {
	/** A network's slug as asked (it may name no network: the page then says so). */
	network: string | null;
	when: EventWhen;
	language: Locale | null;
	page: number;
}

export const EVENTS_PER_PAGE = 20;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug that can name a network (anything else names none, and is never looked up). */
export const isNetworkSlug = (value: string) => value.length <= 200 && SLUG.test(value);

/**
 * The listing's filters from a query string. Values that cannot be right are dropped (a stale or
 * hostile link still shows a page); a network that is not a slug is kept, cleaned and cut short,
 * only so the page can say that no network has that address.
 */
export function parseEventListQuery(params: URLSearchParams): EventListQuery {
	const network = (params.get('network') ?? '')
		.replace(/[\p{Cc}\p{Cf}]/gu, '')
		.trim()
		.slice(0, 80);
	const when = params.get('when') ?? '';
	const language = params.get('lang') ?? '';
	const page = Number(params.get('page') ?? '1');
	return {
		network: network || null,
		when: (EVENT_WHEN as readonly string[]).includes(when) ? (when as EventWhen) : 'all',
		language: (['es', 'pt', 'en'] as const).find((l) => l === language) ?? null,
		page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1
	};
}

/** The query string of a listing, with only what differs from the defaults (stable, shareable links). */
export function eventListQueryString(query: EventListQuery, change: Partial<EventListQuery> = {}): string {
	const q = { ...query, ...change };
	const out = new URLSearchParams();
	if (q.network) out.set('network', q.network);
	if (q.when !== 'all') out.set('when', q.when);
	if (q.language) out.set('lang', q.language);
	if (q.page > 1) out.set('page', String(q.page));
	const text = out.toString();
	return text ? `?${text}` : '';
}
