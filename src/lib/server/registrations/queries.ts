import { and, asc, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { event, eventSession } from '../events/schema.ts';
import { assertCanManageEvent } from '../auth/index.ts';
import { hashToken, TOKEN_SHAPE } from '../private-links/index.ts';
import { DEFAULT_REMINDER_MINUTES, registration, registrationQuestion, registrationSession, registrationSettings, REGISTRATION_STATUSES, type RegistrationStatus } from './schema.ts';
import { canRegister, type RegistrationWindow } from './rules.ts';

/** Whether the event takes registrations now, and if not why (see rules.ts canRegister). */
export async function registrationWindow(ctx: Ctx, { eventId, now }: { eventId: string; now: Date }): Promise<RegistrationWindow> {
	const [row] = await ctx.db
		.select({
			status: event.status,
			openToAttendees: event.openToAttendees,
			opensAt: registrationSettings.opensAt,
			closesAt: registrationSettings.closesAt,
			sessionsAhead: sql<number>`(select count(*) from ${eventSession} s where s.event_id = ${event.id} and s.ends_at > ${now.toISOString()}::timestamptz)::int`
		})
		.from(event)
		.leftJoin(registrationSettings, eq(registrationSettings.eventId, event.id))
		.where(eq(event.id, eventId));
	return canRegister(row ?? null, now);
}

/** registrationWindow for several exchanges at once (the cards of a list): one query, whatever their number. */
export async function registrationWindows(ctx: Pick<Ctx, 'db'>, { eventIds, now }: { eventIds: string[]; now: Date }): Promise<Map<string, RegistrationWindow>> {
	if (eventIds.length === 0) return new Map();
	const rows = await ctx.db
		.select({
			id: event.id,
			status: event.status,
			openToAttendees: event.openToAttendees,
			opensAt: registrationSettings.opensAt,
			closesAt: registrationSettings.closesAt,
			sessionsAhead: sql<number>`(select count(*) from ${eventSession} s where s.event_id = ${event.id} and s.ends_at > ${now.toISOString()}::timestamptz)::int`
		})
		.from(event)
		.leftJoin(registrationSettings, eq(registrationSettings.eventId, event.id))
		.where(inArray(event.id, eventIds));
	return new Map(rows.map(({ id, ...facts }) => [id, canRegister(facts, now)]));
}

/** The event's own questions on the registration form, in order. */
export async function listQuestions(ctx: Ctx, eventId: string) {
	return ctx.db.select().from(registrationQuestion).where(eq(registrationQuestion.eventId, eventId)).orderBy(asc(registrationQuestion.position));
}

/** Per session: seats, seats in use and people waiting (public: counts only). */
export async function sessionAvailability(ctx: Ctx, eventId: string) {
	const rows = await ctx.db
		.select({
			sessionId: eventSession.id,
			capacity: eventSession.capacity,
			seats: sql<number>`count(${registrationSession.registrationId}) filter (where ${registrationSession.state} = 'seat')::int`,
			waiting: sql<number>`count(${registrationSession.registrationId}) filter (where ${registrationSession.state} = 'waitlist')::int`
		})
		.from(eventSession)
		.leftJoin(registrationSession, eq(registrationSession.sessionId, eventSession.id))
		.where(eq(eventSession.eventId, eventId))
		.groupBy(eventSession.id);
	return new Map(rows.map((r) => [r.sessionId, { capacity: r.capacity, seats: r.seats, waiting: r.waiting, full: r.capacity !== null && r.seats >= r.capacity }]));
}

export async function getRegistrationSettings(ctx: Ctx, eventId: string) {
	const [row] = await ctx.db.select().from(registrationSettings).where(eq(registrationSettings.eventId, eventId));
	const defaults: typeof registrationSettings.$inferSelect = {
		eventId,
		opensAt: null,
		closesAt: null,
		privacyText: {},
		privacyVersion: 1,
		reminderMinutes: DEFAULT_REMINDER_MINUTES,
		holdHours: 0,
		minAttendancePercent: 75,
		certificateText: {},
		signatories: [],
		updatedAt: new Date(0)
	};
	return row ?? defaults;
}

/**
 * What a registrant sees behind their private link. The join link of a session is read only
 * for a confirmed registration holding a seat in it.
 */
export async function registrationByToken(ctx: Ctx, token: string) {
	if (!TOKEN_SHAPE.test(token)) return null;
	const [row] = await ctx.db
		.select({
			id: registration.id,
			eventId: registration.eventId,
			email: registration.email,
			name: registration.name,
			country: registration.country,
			city: registration.city,
			geonamesId: registration.geonamesId,
			institution: registration.institution,
			institutionType: registration.institutionType,
			role: registration.role,
			locale: registration.locale,
			timeZone: registration.timeZone,
			answers: registration.answers,
			consentVersion: registration.consentVersion,
			consentedAt: registration.consentedAt,
			status: registration.status,
			confirmedAt: registration.confirmedAt,
			createdAt: registration.createdAt,
			eventSlug: event.slug,
			eventTitle: event.title,
			eventZone: event.timeZone
		})
		.from(registration)
		.innerJoin(event, eq(event.id, registration.eventId))
		.where(eq(registration.tokenHash, hashToken(token)));
	if (!row || row.status === 'deleted') return null;
	const confirmed = row.status === 'confirmed';
	const sessions = await ctx.db
		.select({
			id: eventSession.id,
			title: eventSession.title,
			startsAt: eventSession.startsAt,
			endsAt: eventSession.endsAt,
			capacity: eventSession.capacity,
			sequence: eventSession.sequence,
			state: registrationSession.state,
			checkedInAt: registrationSession.checkedInAt,
			joinUrl: sql<string | null>`case when ${confirmed} and ${registrationSession.state} = 'seat' then ${eventSession.joinUrl} end`
		})
		.from(eventSession)
		.leftJoin(registrationSession, and(eq(registrationSession.sessionId, eventSession.id), eq(registrationSession.registrationId, row.id)))
		.where(eq(eventSession.eventId, row.eventId))
		.orderBy(asc(eventSession.startsAt));
	return { ...row, sessions };
}

/** Everything kept about a registrant, for "download my data". */
export async function registrationData(ctx: Ctx, token: string) {
	const found = await registrationByToken(ctx, token);
	if (!found) return null;
	return {
		event: found.eventSlug,
		email: found.email,
		name: found.name,
		country: found.country,
		city: found.city,
		geonamesId: found.geonamesId,
		institution: found.institution,
		institutionType: found.institutionType,
		role: found.role,
		language: found.locale,
		timeZone: found.timeZone,
		answers: found.answers,
		consent: { version: found.consentVersion, at: found.consentedAt.toISOString() },
		status: found.status,
		registeredAt: found.createdAt.toISOString(),
		confirmedAt: found.confirmedAt?.toISOString() ?? null,
		sessions: found.sessions
			.filter((s) => s.state)
			.map((s) => ({ title: s.title, startsAt: s.startsAt.toISOString(), state: s.state, checkedInAt: s.checkedInAt?.toISOString() ?? null }))
	};
}

export const REGISTRATION_SORTS = ['newest', 'oldest', 'name', 'country'] as const;
export type RegistrationSort = (typeof REGISTRATION_SORTS)[number];

export interface RegistrationFilter {
	eventId: string;
	status?: RegistrationStatus | 'waitlisted';
	sessionId?: string;
	q?: string;
	sort: RegistrationSort;
	limit: number;
	offset: number;
}

function filterWhere(f: RegistrationFilter): SQL {
	const parts: (SQL | undefined)[] = [eq(registration.eventId, f.eventId), ne(registration.status, 'deleted')];
	if (f.status === 'waitlisted') {
		parts.push(sql`exists (select 1 from ${registrationSession} w where w.registration_id = ${registration.id} and w.state = 'waitlist')`);
	} else if (f.status) parts.push(eq(registration.status, f.status));
	if (f.sessionId) parts.push(sql`exists (select 1 from ${registrationSession} s where s.registration_id = ${registration.id} and s.session_id = ${f.sessionId})`);
	if (f.q) {
		const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		parts.push(or(ilike(registration.name, like), ilike(registration.email, like), ilike(registration.institution, like)));
	}
	return and(...parts)!;
}

/** The organisers' table of registrations (personal data: organisers of this event only). */
export async function listRegistrations(ctx: Ctx, f: RegistrationFilter) {
	assertCanManageEvent(ctx, f.eventId);
	const db = ctx.db;
	const order = { newest: [desc(registration.createdAt)], oldest: [asc(registration.createdAt)], name: [asc(registration.name)], country: [asc(registration.country), asc(registration.name)] }[f.sort];
	const rows = await db
		.select({
			id: registration.id,
			name: registration.name,
			email: registration.email,
			country: registration.country,
			city: registration.city,
			institution: registration.institution,
			institutionType: registration.institutionType,
			role: registration.role,
			status: registration.status,
			locale: registration.locale,
			createdAt: registration.createdAt,
			confirmedAt: registration.confirmedAt
		})
		.from(registration)
		.where(filterWhere(f))
		.orderBy(...order, asc(registration.id))
		.limit(f.limit)
		.offset(f.offset);
	const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(registration).where(filterWhere(f));
	const places = rows.length
		? await db
				.select({ registrationId: registrationSession.registrationId, sessionId: registrationSession.sessionId, state: registrationSession.state })
				.from(registrationSession)
				.where(inArray(registrationSession.registrationId, rows.map((r) => r.id)))
		: [];
	return { total, rows: rows.map((r) => ({ ...r, sessions: places.filter((p) => p.registrationId === r.id) })) };
}

/** Counts for the organisers' dashboard: by status, country, institution type, session and day. */
export async function registrationStats(ctx: Ctx, eventId: string) {
	assertCanManageEvent(ctx, eventId);
	const db = ctx.db;
	const live = and(eq(registration.eventId, eventId), inArray(registration.status, ['pending', 'confirmed']));
	const group = async (column: SQL) =>
		db
			.select({ key: sql<string>`${column}`, n: sql<number>`count(*)::int` })
			.from(registration)
			.where(live)
			.groupBy(column)
			.orderBy(desc(sql`count(*)`), asc(column));
	const [byStatus, byCountry, byInstitution, byDay, bySession] = await Promise.all([
		db
			.select({ key: registration.status, n: sql<number>`count(*)::int` })
			.from(registration)
			.where(eq(registration.eventId, eventId))
			.groupBy(registration.status),
		group(sql`${registration.country}`),
		group(sql`${registration.institutionType}`),
		db
			.select({ key: sql<string>`to_char(${registration.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`, n: sql<number>`count(*)::int` })
			.from(registration)
			.where(eq(registration.eventId, eventId))
			.groupBy(sql`1`)
			.orderBy(sql`1`),
		db
			.select({
				sessionId: eventSession.id,
				title: eventSession.title,
				capacity: eventSession.capacity,
				confirmed: sql<number>`count(*) filter (where ${registrationSession.state} = 'seat' and ${registration.status} = 'confirmed')::int`,
				pending: sql<number>`count(*) filter (where ${registrationSession.state} = 'seat' and ${registration.status} = 'pending')::int`,
				waiting: sql<number>`count(*) filter (where ${registrationSession.state} = 'waitlist')::int`,
				attended: sql<number>`count(*) filter (where ${registrationSession.checkedInAt} is not null or ${registrationSession.attendedMinutes} > 0)::int`
			})
			.from(eventSession)
			.leftJoin(registrationSession, eq(registrationSession.sessionId, eventSession.id))
			.leftJoin(registration, eq(registration.id, registrationSession.registrationId))
			.where(eq(eventSession.eventId, eventId))
			.groupBy(eventSession.id)
			.orderBy(asc(eventSession.startsAt))
	]);
	const statusCounts = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, byStatus.find((r) => r.key === s)?.n ?? 0])) as Record<RegistrationStatus, number>;
	return { statusCounts, byCountry, byInstitution, byDay, bySession };
}

/** Every live registration of an event with its sessions, for CSV and XLSX exports. */
export async function registrationsForExport(ctx: Ctx, eventId: string) {
	assertCanManageEvent(ctx, eventId);
	const db = ctx.db;
	const rows = await db
		.select()
		.from(registration)
		.where(and(eq(registration.eventId, eventId), ne(registration.status, 'deleted')))
		.orderBy(asc(registration.createdAt), asc(registration.id));
	const places = await db
		.select({ registrationId: registrationSession.registrationId, sessionId: registrationSession.sessionId, state: registrationSession.state, checkedInAt: registrationSession.checkedInAt })
		.from(registrationSession)
		.innerJoin(registration, eq(registration.id, registrationSession.registrationId))
		.where(eq(registration.eventId, eventId));
	const byRegistration = new Map<string, typeof places>();
	for (const p of places) byRegistration.set(p.registrationId, [...(byRegistration.get(p.registrationId) ?? []), p]);
	return rows.map(({ tokenHash: _h, tokenSalt: _s, ...r }) => ({ ...r, sessions: byRegistration.get(r.id) ?? [] }));
}
