import { and, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { auditLog } from './schema.ts';
import { authUser } from '../auth/schema.ts';
import { event, eventSession } from '../events/schema.ts';
import { practice } from '../practices/schema.ts';
import type { LocalizedText } from '../../i18n/localized.ts';

/** What the audit page filters by: all optional; `from` inclusive, `to` exclusive. */
export interface AuditFilter {
	/** Part of a person's address or name (signed-in people), or an actor kind ("system", "registrant"…). */
	person?: string;
	action?: string;
	from?: Date;
	to?: Date;
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEntries>>['rows'][number];

const ACTOR_KINDS = ['user', 'registrant', 'submitter', 'system', 'anonymous'];

function conditions(filter: AuditFilter): SQL | undefined {
	const parts: (SQL | undefined)[] = [];
	const person = filter.person?.trim();
	if (person) {
		const like = `%${person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		parts.push(
			or(
				ilike(auditLog.actorEmail, like),
				sql`exists (select 1 from ${authUser} where ${authUser.id} = ${auditLog.actorUserId} and ${authUser.name} ilike ${like})`,
				ACTOR_KINDS.includes(person.toLowerCase()) ? eq(auditLog.actorKind, person.toLowerCase()) : undefined,
				eq(auditLog.actorRef, person)
			)
		);
	}
	// "registration" names every registration.* code; "registration.expired" names that code only.
	if (filter.action) parts.push(filter.action.includes('.') ? eq(auditLog.action, filter.action) : or(eq(auditLog.action, filter.action), sql`${auditLog.action} like ${`${filter.action}.%`}`));
	if (filter.from) parts.push(gte(auditLog.at, filter.from));
	if (filter.to) parts.push(lt(auditLog.at, filter.to));
	return parts.length ? and(...parts) : undefined;
}

/**
 * The audit log, newest first, filtered, with what its sentences name: the signed-in person's
 * name, and the titles of the exchanges, sessions and practices the entries are about.
 */
export async function listAuditEntries(ctx: Pick<Ctx, 'db'>, params: { limit: number; offset: number; filter?: AuditFilter }) {
	const where = conditions(params.filter ?? {});
	const rows = await ctx.db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			actorKind: auditLog.actorKind,
			actorEmail: auditLog.actorEmail,
			actorName: authUser.name,
			actorRef: auditLog.actorRef,
			action: auditLog.action,
			entity: auditLog.entity,
			entityId: auditLog.entityId,
			details: auditLog.details
		})
		.from(auditLog)
		.leftJoin(authUser, eq(authUser.id, auditLog.actorUserId))
		.where(where)
		.orderBy(desc(auditLog.id))
		.limit(params.limit)
		.offset(params.offset);
	const [{ total }] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where);
	return { rows, total, names: await namesFor(ctx, rows) };
}

/** The titles an entry's sentence names, by id. */
export interface AuditNames {
	events: Record<string, LocalizedText>;
	sessions: Record<string, { title: LocalizedText; startsAt: Date }>;
	practices: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : null);

async function namesFor(ctx: Pick<Ctx, 'db'>, rows: { entity: string; entityId: string | null; details: Record<string, unknown> }[]): Promise<AuditNames> {
	const events = new Set<string>();
	const sessions = new Set<string>();
	const practices = new Set<string>();
	for (const r of rows) {
		const id = text(r.entityId);
		if (id && r.entity === 'event') events.add(id);
		if (id && r.entity === 'session') sessions.add(id);
		if (id && r.entity === 'practice') practices.add(id);
		const eventId = text(r.details.eventId);
		if (eventId) events.add(eventId);
		const sessionId = text(r.details.sessionId);
		if (sessionId) sessions.add(sessionId);
	}
	const names: AuditNames = { events: {}, sessions: {}, practices: {} };
	if (events.size) for (const e of await ctx.db.select({ id: event.id, title: event.title }).from(event).where(inArray(event.id, [...events]))) names.events[e.id] = e.title;
	if (sessions.size)
		for (const s of await ctx.db.select({ id: eventSession.id, title: eventSession.title, startsAt: eventSession.startsAt }).from(eventSession).where(inArray(eventSession.id, [...sessions])))
			names.sessions[s.id] = { title: s.title, startsAt: s.startsAt };
	if (practices.size) for (const p of await ctx.db.select({ id: practice.id, title: practice.title }).from(practice).where(inArray(practice.id, [...practices]))) names.practices[p.id] = p.title;
	return names;
}

/** Every action code present in the log. */
export async function auditActionsInUse(ctx: Pick<Ctx, 'db'>): Promise<string[]> {
	const rows = await ctx.db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
	return rows.map((r) => r.action);
}
