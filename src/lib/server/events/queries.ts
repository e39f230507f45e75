import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { axis, event, eventSession, network } from './schema.ts';
import type { Actor } from '../context.ts';
import { canManageEvent } from '../auth/rules.ts';
import type { LocalizedText } from '../../i18n/localized.ts';

const publicEventColumns = {
	id: event.id,
	slug: event.slug,
	unit: event.unit,
	title: event.title,
	summary: event.summary,
	background: event.background,
	objective: event.objective,
	format: event.format,
	timeZone: event.timeZone,
	openToPresenters: event.openToPresenters,
	openToAttendees: event.openToAttendees,
	agendaState: event.agendaState,
	status: event.status,
	isDemo: event.isDemo,
	updatedAt: event.updatedAt,
	networkName: network.name
};

// Public pages never select joinUrl: it cannot leak through a page's data by accident.
const publicSessionColumns = {
	id: eventSession.id,
	position: eventSession.position,
	title: eventSession.title,
	startsAt: eventSession.startsAt,
	endsAt: eventSession.endsAt
};

export async function getPublishedEvent(db: Db, slug: string) {
	const [found] = await db
		.select(publicEventColumns)
		.from(event)
		.innerJoin(network, eq(network.id, event.networkId))
		.where(eq(event.slug, slug));
	if (!found || found.status !== 'published') return null;
	const [axes, sessions] = await Promise.all([
		listAxes(db, found.id),
		db.select(publicSessionColumns).from(eventSession).where(eq(eventSession.eventId, found.id)).orderBy(asc(eventSession.startsAt))
	]);
	return { ...found, axes, sessions };
}

export async function listPublishedEvents(db: Db) {
	const rows = await db
		.select({
			id: event.id,
			slug: event.slug,
			title: event.title,
			summary: event.summary,
			unit: event.unit,
			timeZone: event.timeZone,
			isDemo: event.isDemo,
			networkName: network.name
		})
		.from(event)
		.innerJoin(network, eq(network.id, event.networkId))
		.where(eq(event.status, 'published'))
		.orderBy(desc(event.createdAt));
	const sessions = await db
		.select({ eventId: eventSession.eventId, startsAt: eventSession.startsAt, endsAt: eventSession.endsAt })
		.from(eventSession)
		.orderBy(asc(eventSession.startsAt));
	return rows.map((r) => ({ ...r, sessions: sessions.filter((s) => s.eventId === r.id) }));
}

export async function listAxes(db: Db, eventId: string) {
	return db
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

export async function getSessionForCalendar(db: Db, eventSlug: string, sessionId: string) {
	const published = await getPublishedEvent(db, eventSlug);
	if (!published) return null;
	const session = published.sessions.find((s) => s.id === sessionId);
	return session ? { event: published, session } : null;
}

/** Everything an organiser edits, including what the public never sees (join links). */
export async function getEventForOrganiser(db: Db, eventId: string) {
	const [found] = await db
		.select({ ...publicEventColumns })
		.from(event)
		.innerJoin(network, eq(network.id, event.networkId))
		.where(eq(event.id, eventId));
	if (!found) return null;
	const [axes, sessions] = await Promise.all([
		listAxes(db, eventId),
		db.select().from(eventSession).where(eq(eventSession.eventId, eventId)).orderBy(asc(eventSession.startsAt))
	]);
	return { ...found, axes, sessions };
}

/** The events this person may manage. */
export async function listEventsForOrganiser(db: Db, actor: Actor) {
	const rows = await db
		.select({ id: event.id, slug: event.slug, title: event.title, status: event.status, updatedAt: event.updatedAt })
		.from(event)
		.orderBy(desc(event.createdAt));
	return rows.filter((r) => canManageEvent(actor, r.id));
}

/** Every axis name by slug (the repository classifies practices by these slugs). */
export async function axisNamesBySlug(db: Db): Promise<Map<string, LocalizedText>> {
	const rows = await db
		.selectDistinctOn([axis.slug], { slug: axis.slug, name: axis.name })
		.from(axis)
		.orderBy(asc(axis.slug), asc(axis.position));
	return new Map(rows.map((r) => [r.slug, r.name]));
}

/** Published events' titles by id, for the repository's "presented at" and its event filter. */
export async function publishedEventTitles(db: Db): Promise<Map<string, { slug: string; title: LocalizedText }>> {
	const rows = await db.select({ id: event.id, slug: event.slug, title: event.title }).from(event).where(eq(event.status, 'published'));
	return new Map(rows.map((r) => [r.id, { slug: r.slug, title: r.title }]));
}

export async function eventIdBySlug(db: Db, slug: string): Promise<string | null> {
	const [row] = await db.select({ id: event.id }).from(event).where(eq(event.slug, slug));
	return row?.id ?? null;
}

/** The moderators' conclusions of some axes of an event (for the practices presented there). */
export async function axisConclusions(db: Db, eventId: string, slugs: string[]) {
	if (slugs.length === 0) return [];
	const rows = await listAxes(db, eventId);
	return rows.filter((a) => slugs.includes(a.slug) && Object.keys(a.conclusions).length > 0);
}

/** An event's sessions in time order (ids, titles, times, capacity), without join links. */
export async function listSessions(db: Db, eventId: string) {
	return db
		.select({ ...publicSessionColumns, capacity: eventSession.capacity })
		.from(eventSession)
		.where(eq(eventSession.eventId, eventId))
		.orderBy(asc(eventSession.startsAt));
}

/** The recordings organisers published for an event's sessions (public once set). */
export async function sessionRecordings(db: Db, eventId: string) {
	const rows = await db
		.select({ title: eventSession.title, url: eventSession.recordingUrl, startsAt: eventSession.startsAt })
		.from(eventSession)
		.where(eq(eventSession.eventId, eventId))
		.orderBy(asc(eventSession.startsAt));
	return rows.filter((r): r is typeof r & { url: string } => !!r.url);
}
