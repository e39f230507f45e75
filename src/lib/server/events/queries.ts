import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { axis, event, eventSession, network } from './schema.ts';
import { networkUnit } from '../networks/schema.ts';
import { canManageEvent, isPublic } from './rules.ts';
import type { LocalizedText } from '../../i18n/localized.ts';

type Reader = Pick<Ctx, 'db'>;

/** The unit's name, or an empty text when the exchange belongs to no unit. */
const unitName = sql<LocalizedText>`coalesce(${networkUnit.name}, '{"es":""}'::jsonb)`;

const publicEventColumns = {
	id: event.id,
	slug: event.slug,
	networkId: event.networkId,
	unitId: event.unitId,
	unit: unitName,
	title: event.title,
	summary: event.summary,
	background: event.background,
	objective: event.objective,
	format: event.format,
	timeZone: event.timeZone,
	languages: event.languages,
	openToPresenters: event.openToPresenters,
	openToAttendees: event.openToAttendees,
	agendaState: event.agendaState,
	status: event.status,
	isDemo: event.isDemo,
	concludedAt: event.concludedAt,
	publishedAt: event.publishedAt,
	updatedAt: event.updatedAt,
	networkName: network.name,
	networkSlug: network.slug,
	networkShortName: network.shortName
};

// Public pages never select joinUrl: it cannot leak through a page's data by accident.
const publicSessionColumns = {
	id: eventSession.id,
	position: eventSession.position,
	title: eventSession.title,
	startsAt: eventSession.startsAt,
	endsAt: eventSession.endsAt,
	sequence: eventSession.sequence
};

export async function getPublishedEvent(ctx: Reader, slug: string) {
	const [found] = await ctx.db
		.select(publicEventColumns)
		.from(event)
		.innerJoin(network, eq(network.id, event.networkId))
		.leftJoin(networkUnit, eq(networkUnit.id, event.unitId))
		.where(eq(event.slug, slug));
	if (!found || !isPublic(found)) return null;
	const [axes, sessions] = await Promise.all([
		listAxes(ctx, found.id),
		ctx.db.select(publicSessionColumns).from(eventSession).where(eq(eventSession.eventId, found.id)).orderBy(asc(eventSession.startsAt))
	]);
	return { ...found, axes, sessions };
}

export async function listPublishedEvents(ctx: Reader) {
	const rows = await ctx.db
		.select({
			id: event.id,
			slug: event.slug,
			title: event.title,
			summary: event.summary,
			unit: unitName,
			timeZone: event.timeZone,
			isDemo: event.isDemo,
			networkName: network.name
		})
		.from(event)
		.innerJoin(network, eq(network.id, event.networkId))
		.leftJoin(networkUnit, eq(networkUnit.id, event.unitId))
		.where(eq(event.status, 'published'))
		.orderBy(desc(event.createdAt));
	const sessions = await ctx.db
		.select({ eventId: eventSession.eventId, startsAt: eventSession.startsAt, endsAt: eventSession.endsAt })
		.from(eventSession)
		.orderBy(asc(eventSession.startsAt));
	return rows.map((r) => ({ ...r, sessions: sessions.filter((s) => s.eventId === r.id) }));
}

export async function listAxes(ctx: Reader, eventId: string) {
	return ctx.db
		.select({
			id: axis.id,
			slug: axis.slug,
			position: axis.position,
			name: axis.name,
			description: axis.description,
			conclusions: axis.conclusions,
			moderator: axis.moderator
		})
		.from(axis)
		.where(eq(axis.eventId, eventId))
		.orderBy(asc(axis.position));
}

/** Everything an organiser edits, including what the public never sees (join links). */
export async function getEventForOrganiser(ctx: Reader, eventId: string) {
	const [found] = await ctx.db
		.select({ ...publicEventColumns })
		.from(event)
		.innerJoin(network, eq(network.id, event.networkId))
		.leftJoin(networkUnit, eq(networkUnit.id, event.unitId))
		.where(eq(event.id, eventId));
	if (!found) return null;
	const [axes, sessions] = await Promise.all([
		listAxes(ctx, eventId),
		ctx.db.select().from(eventSession).where(eq(eventSession.eventId, eventId)).orderBy(asc(eventSession.startsAt))
	]);
	return { ...found, axes, sessions };
}

/** The events this person may manage. */
export async function listEventsForOrganiser(ctx: Pick<Ctx, 'db' | 'actor'>) {
	const rows = await ctx.db
		.select({ id: event.id, slug: event.slug, title: event.title, status: event.status, updatedAt: event.updatedAt })
		.from(event)
		.orderBy(desc(event.createdAt));
	return rows.filter((r) => canManageEvent(ctx.actor, r.id));
}

/** Every axis name by slug (the repository classifies practices by these slugs). */
export async function axisNamesBySlug(ctx: Reader): Promise<Map<string, LocalizedText>> {
	const rows = await ctx.db
		.selectDistinctOn([axis.slug], { slug: axis.slug, name: axis.name })
		.from(axis)
		.orderBy(asc(axis.slug), asc(axis.position));
	return new Map(rows.map((r) => [r.slug, r.name]));
}

/** Published events' titles by id, for the repository's "presented at" and its event filter. */
export async function publishedEventTitles(ctx: Reader): Promise<Map<string, { slug: string; title: LocalizedText }>> {
	const rows = await ctx.db.select({ id: event.id, slug: event.slug, title: event.title }).from(event).where(eq(event.status, 'published'));
	return new Map(rows.map((r) => [r.id, { slug: r.slug, title: r.title }]));
}

export async function eventIdBySlug(ctx: Reader, slug: string): Promise<string | null> {
	const [row] = await ctx.db.select({ id: event.id }).from(event).where(eq(event.slug, slug));
	return row?.id ?? null;
}

/** The moderators' conclusions of some axes of an event (for the practices presented there). */
export async function axisConclusions(ctx: Reader, eventId: string, slugs: string[]) {
	if (slugs.length === 0) return [];
	const rows = await listAxes(ctx, eventId);
	return rows.filter((a) => slugs.includes(a.slug) && Object.keys(a.conclusions).length > 0);
}

/** An event's sessions in time order (ids, titles, times, capacity), without join links. */
export async function listSessions(ctx: Reader, eventId: string) {
	return ctx.db
		.select({ ...publicSessionColumns, capacity: eventSession.capacity })
		.from(eventSession)
		.where(eq(eventSession.eventId, eventId))
		.orderBy(asc(eventSession.startsAt));
}

/** The recordings organisers published for an event's sessions (public once set). */
export async function sessionRecordings(ctx: Reader, eventId: string) {
	const rows = await ctx.db
		.select({ title: eventSession.title, url: eventSession.recordingUrl, startsAt: eventSession.startsAt })
		.from(eventSession)
		.where(eq(eventSession.eventId, eventId))
		.orderBy(asc(eventSession.startsAt));
	return rows.filter((r): r is typeof r & { url: string } => !!r.url);
}
