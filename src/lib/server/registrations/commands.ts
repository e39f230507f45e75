import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/log.ts';
import { canManageEvent } from '../auth/rules.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { event, eventSession } from '../events/schema.ts';
import type { Locale } from '../../i18n/localized.ts';
import { certificate, registration, registrationSession, registrationSettings, surveyResponse, type InstitutionType, type RegistrationStatus } from './schema.ts';
import { hashToken, newSalt, registrationToken, TOKEN_SHAPE } from './tokens.ts';
import { absoluteUrl, registrationMail, type MailKind } from './mails.ts';

/**
 * Open registration: a person registers without an account, confirms by the link in a mail
 * (double opt-in), and manages everything behind that private link. A pending registration
 * holds its seats; a full session puts the person on its waiting list, and every freed seat
 * goes at once to the next person waiting, who is told by mail. Mails are written to the
 * outbox in the same transaction as the change they announce.
 */

export type Delivery = 'smtp' | 'outbox-only';

/** What every registration verb needs besides the database: how links and mails are made. */
export interface RegistrationEnv {
	secret: string;
	/** The app's public origin, for links in mails. */
	origin: string;
	delivery: Delivery;
	now?: Date;
}

export interface RegistrationInput {
	name: string;
	email: string;
	country: string;
	city: string;
	geonamesId: number | null;
	institution: string;
	institutionType: InstitutionType;
	role: string;
	sessionIds: string[];
	answers: Record<string, string | string[]>;
	locale: Locale;
	timeZone: string;
}

export type RegisterOutcome = 'created' | 'updated' | 'already_confirmed';

const ACTIVE: RegistrationStatus[] = ['pending', 'confirmed'];

/** Registration is open now: the event takes attendees, the window is open, a session lies ahead. */
export async function registrationWindow(db: Db, eventId: string, now: Date) {
	const [row] = await db
		.select({
			status: event.status,
			openToAttendees: event.openToAttendees,
			opensAt: registrationSettings.opensAt,
			closesAt: registrationSettings.closesAt,
			ahead: sql<number>`(select count(*) from ${eventSession} s where s.event_id = ${event.id} and s.ends_at > ${now.toISOString()}::timestamptz)::int`
		})
		.from(event)
		.leftJoin(registrationSettings, eq(registrationSettings.eventId, event.id))
		.where(eq(event.id, eventId));
	if (!row || row.status !== 'published') return { open: false as const, reason: 'not_found' as const };
	if (!row.openToAttendees) return { open: false as const, reason: 'closed' as const };
	if (row.opensAt && now < row.opensAt) return { open: false as const, reason: 'not_yet' as const, opensAt: row.opensAt };
	if (row.closesAt && now >= row.closesAt) return { open: false as const, reason: 'closed' as const };
	if (row.ahead === 0) return { open: false as const, reason: 'over' as const };
	return { open: true as const, closesAt: row.closesAt };
}

export const linkFor = (env: RegistrationEnv, token: string, locale: Locale) => absoluteUrl(env.origin, `/registration/${token}`, locale);

/** Seats in use in a session: held by pending registrations and taken by confirmed ones. */
async function seatsTaken(tx: Db, sessionId: string): Promise<number> {
	const [row] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(registrationSession)
		.where(and(eq(registrationSession.sessionId, sessionId), eq(registrationSession.state, 'seat')));
	return row.n;
}

/**
 * Lock the sessions (in a fixed order, so two registrations never wait on each other) and
 * give a seat while one is free, else a place on the waiting list.
 */
async function takePlaces(tx: Db, registrationId: string, sessionIds: string[], now: Date) {
	const placed: { sessionId: string; state: 'seat' | 'waitlist' }[] = [];
	for (const sessionId of [...sessionIds].sort()) {
		const [session] = await tx
			.select({ capacity: eventSession.capacity })
			.from(eventSession)
			.where(eq(eventSession.id, sessionId))
			.for('update');
		const free = session.capacity === null || (await seatsTaken(tx, sessionId)) < session.capacity;
		const state = free ? ('seat' as const) : ('waitlist' as const);
		await tx.insert(registrationSession).values({ registrationId, sessionId, state, requestedAt: now });
		placed.push({ sessionId, state });
	}
	return placed;
}

/**
 * Give freed seats of a session to the people waiting longest, and tell each one by mail.
 * Called after anything that frees a seat or adds capacity, inside its transaction.
 */
export async function fillFreedSeats(tx: Db, env: RegistrationEnv, sessionId: string): Promise<number> {
	const now = env.now ?? new Date();
	const [session] = await tx
		.select({ capacity: eventSession.capacity, endsAt: eventSession.endsAt })
		.from(eventSession)
		.where(eq(eventSession.id, sessionId))
		.for('update');
	if (!session || session.endsAt <= now) return 0;
	const taken = await seatsTaken(tx, sessionId);
	const free = session.capacity === null ? Number.MAX_SAFE_INTEGER : session.capacity - taken;
	if (free <= 0) return 0;
	const next = await tx
		.select({ registrationId: registrationSession.registrationId })
		.from(registrationSession)
		.innerJoin(registration, eq(registration.id, registrationSession.registrationId))
		.where(and(eq(registrationSession.sessionId, sessionId), eq(registrationSession.state, 'waitlist'), inArray(registration.status, ACTIVE)))
		.orderBy(asc(registrationSession.requestedAt), asc(registrationSession.registrationId))
		.limit(Math.min(free, 10_000));
	for (const { registrationId } of next) {
		await tx
			.update(registrationSession)
			.set({ state: 'seat', promotedAt: now })
			.where(and(eq(registrationSession.registrationId, registrationId), eq(registrationSession.sessionId, sessionId)));
		await notify(tx, env, registrationId, 'seat_given', `seat-given:${registrationId}:${sessionId}:${now.getTime()}`, { sessionId });
		await recordAudit(tx, null, { action: 'registration.promoted', entity: 'registration', entityId: registrationId, details: { sessionId } });
	}
	return next.length;
}

/** Write a mail about one registration to the outbox, with its private link. */
async function notify(tx: Db, env: RegistrationEnv, registrationId: string, kind: MailKind, idempotencyKey: string, extra: { sessionId?: string } = {}) {
	const message = await registrationMail(tx, { registrationId, kind, idempotencyKey, env, ...extra });
	if (message) await enqueueMail(tx, message, env.delivery);
}

async function validSessions(tx: Db, eventId: string, sessionIds: string[], now: Date): Promise<string[]> {
	const unique = [...new Set(sessionIds)];
	if (unique.length === 0) throw new DomainError('invalid', 'choose_session');
	const rows = await tx
		.select({ id: eventSession.id, endsAt: eventSession.endsAt })
		.from(eventSession)
		.where(and(eq(eventSession.eventId, eventId), inArray(eventSession.id, unique)));
	if (rows.length !== unique.length) throw new DomainError('invalid', 'choose_session');
	if (rows.some((r) => r.endsAt <= now)) throw new DomainError('conflict', 'session_over');
	return unique;
}

function detailsOf(input: RegistrationInput) {
	return {
		name: input.name,
		country: input.country,
		city: input.city,
		geonamesId: input.geonamesId,
		institution: input.institution,
		institutionType: input.institutionType,
		role: input.role,
		answers: input.answers,
		locale: input.locale,
		timeZone: input.timeZone
	};
}

/**
 * Register a person (or update their registration: one per address and event). A new or still
 * unconfirmed registration gets the confirmation mail; a confirmed one is left as it is and its
 * owner is sent the private link instead, so nobody can change another person's registration
 * by typing their address. The answer never says which case happened.
 */
export async function register({
	db,
	env,
	eventId,
	input
}: {
	db: Db;
	env: RegistrationEnv;
	eventId: string;
	input: RegistrationInput;
}): Promise<{ outcome: RegisterOutcome; registrationId: string }> {
	const now = env.now ?? new Date();
	const window = await registrationWindow(db, eventId, now);
	if (!window.open) throw new DomainError(window.reason === 'not_found' ? 'not_found' : 'conflict', `registration_${window.reason}`);
	const email = input.email.trim().toLowerCase();
	return db.transaction(async (tx) => {
		const sessionIds = await validSessions(tx, eventId, input.sessionIds, now);
		const [settings] = await tx.select({ version: registrationSettings.privacyVersion }).from(registrationSettings).where(eq(registrationSettings.eventId, eventId));
		const consentVersion = settings?.version ?? 1;
		const id = randomUUID();
		const salt = newSalt();
		const inserted = await tx
			.insert(registration)
			.values({
				id,
				eventId,
				email,
				...detailsOf(input),
				consentVersion,
				consentedAt: now,
				status: 'pending',
				tokenHash: hashToken(registrationToken(env.secret, id, salt)),
				tokenSalt: salt,
				createdAt: now,
				updatedAt: now
			})
			.onConflictDoNothing({ target: [registration.eventId, registration.email] })
			.returning({ id: registration.id });
		if (inserted.length === 1) {
			await takePlaces(tx, id, sessionIds, now);
			await recordAudit(tx, null, { action: 'registration.created', entity: 'registration', entityId: id, details: { eventId } });
			await notify(tx, env, id, 'confirm', `registration-confirm:${id}:0`);
			return { outcome: 'created' as const, registrationId: id };
		}
		const [existing] = await tx
			.select({ id: registration.id, status: registration.status })
			.from(registration)
			.where(and(eq(registration.eventId, eventId), eq(registration.email, email)))
			.for('update');
		if (existing.status === 'confirmed') {
			await notify(tx, env, existing.id, 'already_registered', `registration-again:${existing.id}:${Math.floor(now.getTime() / 600_000)}`);
			return { outcome: 'already_confirmed' as const, registrationId: existing.id };
		}
		// Pending or cancelled: the newest form wins, the sessions are chosen again.
		await tx
			.update(registration)
			.set({ ...detailsOf(input), consentVersion, consentedAt: now, status: 'pending', cancelledAt: null, updatedAt: now })
			.where(eq(registration.id, existing.id));
		const before = await tx.select({ sessionId: registrationSession.sessionId }).from(registrationSession).where(eq(registrationSession.registrationId, existing.id));
		const dropped = before.map((r) => r.sessionId).filter((s) => !sessionIds.includes(s));
		const added = sessionIds.filter((s) => !before.some((r) => r.sessionId === s));
		if (dropped.length) {
			await tx.delete(registrationSession).where(and(eq(registrationSession.registrationId, existing.id), inArray(registrationSession.sessionId, dropped)));
		}
		await takePlaces(tx, existing.id, added, now);
		for (const sessionId of dropped) await fillFreedSeats(tx, { ...env, now }, sessionId);
		await recordAudit(tx, null, { action: 'registration.updated', entity: 'registration', entityId: existing.id, details: { eventId } });
		// The same form sent again (a retry after a lost answer, a double click) makes no second
		// mail within ten minutes; a changed form does.
		const sameForm = createHash('sha256').update(JSON.stringify({ ...detailsOf(input), sessionIds: [...sessionIds].sort() })).digest('hex').slice(0, 16);
		await notify(tx, env, existing.id, 'confirm', `registration-confirm:${existing.id}:${sameForm}:${Math.floor(now.getTime() / 600_000)}`);
		return { outcome: 'updated' as const, registrationId: existing.id };
	});
}

/** The registration behind a private link, locked for a change; refuses unknown and deleted ones. */
async function lockByToken(tx: Db, token: string) {
	if (!TOKEN_SHAPE.test(token)) throw new DomainError('not_found', 'not_found');
	const [row] = await tx.select().from(registration).where(eq(registration.tokenHash, hashToken(token))).for('update');
	if (!row || row.status === 'deleted') throw new DomainError('not_found', 'not_found');
	return row;
}

/** Double opt-in: following the link and pressing "confirm" turns held seats into confirmed ones. */
export async function confirmRegistration({ db, env, token }: { db: Db; env: RegistrationEnv; token: string }) {
	const now = env.now ?? new Date();
	return db.transaction(async (tx) => {
		const row = await lockByToken(tx, token);
		if (row.status === 'cancelled') throw new DomainError('conflict', 'registration_cancelled');
		if (row.status === 'confirmed') return { alreadyConfirmed: true };
		await tx.update(registration).set({ status: 'confirmed', confirmedAt: now, updatedAt: now }).where(eq(registration.id, row.id));
		await recordAudit(tx, null, { action: 'registration.confirmed', entity: 'registration', entityId: row.id, details: { eventId: row.eventId } });
		await notify(tx, env, row.id, 'confirmed', `registration-confirmed:${row.id}`);
		return { alreadyConfirmed: false };
	});
}

/** Add a session to a registration (a seat, or the waiting list when it is full). */
export async function addSessionToRegistration({ db, env, token, sessionId }: { db: Db; env: RegistrationEnv; token: string; sessionId: string }) {
	const now = env.now ?? new Date();
	return db.transaction(async (tx) => {
		const row = await lockByToken(tx, token);
		if (!ACTIVE.includes(row.status)) throw new DomainError('conflict', 'registration_cancelled');
		const [valid] = await validSessions(tx, row.eventId, [sessionId], now);
		const [already] = await tx
			.select({ state: registrationSession.state })
			.from(registrationSession)
			.where(and(eq(registrationSession.registrationId, row.id), eq(registrationSession.sessionId, valid)));
		if (already) return already.state;
		const [placed] = await takePlaces(tx, row.id, [valid], now);
		await tx.update(registration).set({ updatedAt: now }).where(eq(registration.id, row.id));
		await recordAudit(tx, null, { action: 'registration.session_added', entity: 'registration', entityId: row.id, details: { sessionId: valid, state: placed.state } });
		return placed.state;
	});
}

/** Drop one session; its seat goes to the next person waiting. The last session cannot be dropped: cancel instead. */
export async function dropSessionFromRegistration({ db, env, token, sessionId }: { db: Db; env: RegistrationEnv; token: string; sessionId: string }) {
	const now = env.now ?? new Date();
	await db.transaction(async (tx) => {
		const row = await lockByToken(tx, token);
		if (!ACTIVE.includes(row.status)) throw new DomainError('conflict', 'registration_cancelled');
		const chosen = await tx.select({ sessionId: registrationSession.sessionId }).from(registrationSession).where(eq(registrationSession.registrationId, row.id));
		if (!chosen.some((c) => c.sessionId === sessionId)) throw new DomainError('not_found', 'not_found');
		if (chosen.length === 1) throw new DomainError('conflict', 'last_session');
		await tx.delete(registrationSession).where(and(eq(registrationSession.registrationId, row.id), eq(registrationSession.sessionId, sessionId)));
		await tx.update(registration).set({ updatedAt: now }).where(eq(registration.id, row.id));
		await recordAudit(tx, null, { action: 'registration.session_dropped', entity: 'registration', entityId: row.id, details: { sessionId } });
		await fillFreedSeats(tx, { ...env, now }, sessionId);
	});
}

export type RegistrationDetails = Omit<RegistrationInput, 'email' | 'sessionIds' | 'answers' | 'locale'> & { locale: Locale };

/** Change one's own details (the address stays: it is what the registration is known by). */
export async function updateRegistrationDetails({ db, env, token, details }: { db: Db; env: RegistrationEnv; token: string; details: RegistrationDetails }) {
	const now = env.now ?? new Date();
	await db.transaction(async (tx) => {
		const row = await lockByToken(tx, token);
		await tx
			.update(registration)
			.set({
				name: details.name,
				country: details.country,
				city: details.city,
				geonamesId: details.geonamesId,
				institution: details.institution,
				institutionType: details.institutionType,
				role: details.role,
				locale: details.locale,
				timeZone: details.timeZone,
				updatedAt: now
			})
			.where(eq(registration.id, row.id));
		await recordAudit(tx, null, { action: 'registration.details_changed', entity: 'registration', entityId: row.id, details: { eventId: row.eventId } });
	});
}

/** Cancel: every seat is freed (and given to people waiting); the person may register again later. */
export async function cancelRegistration({ db, env, token }: { db: Db; env: RegistrationEnv; token: string }) {
	const now = env.now ?? new Date();
	await db.transaction(async (tx) => {
		const row = await lockByToken(tx, token);
		if (row.status === 'cancelled') return;
		const freed = await tx.delete(registrationSession).where(eq(registrationSession.registrationId, row.id)).returning({ sessionId: registrationSession.sessionId });
		await tx.update(registration).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(registration.id, row.id));
		await recordAudit(tx, null, { action: 'registration.cancelled', entity: 'registration', entityId: row.id, details: { eventId: row.eventId } });
		for (const { sessionId } of freed) await fillFreedSeats(tx, { ...env, now }, sessionId);
	});
}

/**
 * Delete one's registration: personal data is erased for good, the private link stops working,
 * seats are freed. What remains (country, kind of institution, dates) only feeds statistics.
 */
export async function deleteRegistration({ db, env, token }: { db: Db; env: RegistrationEnv; token: string }) {
	const now = env.now ?? new Date();
	await db.transaction(async (tx) => {
		const row = await lockByToken(tx, token);
		const freed = await tx.delete(registrationSession).where(eq(registrationSession.registrationId, row.id)).returning({ sessionId: registrationSession.sessionId });
		await tx.delete(certificate).where(eq(certificate.registrationId, row.id));
		// Survey answers stay in the results, no longer tied to anyone.
		await tx.update(surveyResponse).set({ registrationId: null }).where(eq(surveyResponse.registrationId, row.id));
		await tx
			.update(registration)
			.set({
				status: 'deleted',
				email: `deleted:${row.id}`,
				name: '',
				city: '',
				geonamesId: null,
				institution: '',
				role: '',
				answers: {},
				tokenHash: `deleted:${row.id}`,
				tokenSalt: '',
				cancelledAt: row.cancelledAt ?? now,
				updatedAt: now
			})
			.where(eq(registration.id, row.id));
		await recordAudit(tx, null, { action: 'registration.deleted', entity: 'registration', entityId: row.id, details: { eventId: row.eventId } });
		for (const { sessionId } of freed) await fillFreedSeats(tx, { ...env, now }, sessionId);
	});
}

/** An organiser sets a session's capacity (null: no limit); more room moves the waiting list at once. */
export async function setSessionCapacity({ ctx, env, eventId, sessionId, capacity }: { ctx: Ctx; env: RegistrationEnv; eventId: string; sessionId: string; capacity: number | null }) {
	if (!canManageEvent(ctx.actor, eventId)) throw new DomainError('forbidden', 'forbidden');
	if (capacity !== null && (!Number.isInteger(capacity) || capacity < 0 || capacity > 1_000_000)) throw new DomainError('invalid', 'capacity');
	return ctx.db.transaction(async (tx) => {
		const [before] = await tx
			.select({ capacity: eventSession.capacity })
			.from(eventSession)
			.where(and(eq(eventSession.id, sessionId), eq(eventSession.eventId, eventId)))
			.for('update');
		if (!before) throw new DomainError('not_found', 'not_found');
		await tx.update(eventSession).set({ capacity, updatedAt: sql`now()` }).where(eq(eventSession.id, sessionId));
		await recordAudit(tx, ctx.actor, { action: 'session.capacity_set', entity: 'session', entityId: sessionId, details: { eventId, from: before.capacity, to: capacity } });
		// Lowering the capacity never takes a seat away from someone who has it.
		return fillFreedSeats(tx, env, sessionId);
	});
}

/**
 * Unconfirmed registrations whose hold ran out (organisers set it per event; 0 keeps seats
 * until confirmed) expire: their seats go to the people waiting, and the person is told by mail
 * and may register again. Safe on every instance at once: each row is locked and re-checked.
 */
export async function expireUnconfirmed({ db, env }: { db: Db; env: RegistrationEnv }): Promise<number> {
	const now = env.now ?? new Date();
	const due = await db
		.select({ id: registration.id })
		.from(registration)
		.innerJoin(registrationSettings, eq(registrationSettings.eventId, registration.eventId))
		.where(
			and(
				eq(registration.status, 'pending'),
				sql`${registrationSettings.holdHours} > 0`,
				sql`${registration.updatedAt} <= ${now.toISOString()}::timestamptz - make_interval(hours => ${registrationSettings.holdHours})`
			)
		)
		.limit(500);
	let expired = 0;
	for (const { id } of due) {
		await db.transaction(async (tx) => {
			const [row] = await tx.select({ status: registration.status, updatedAt: registration.updatedAt, eventId: registration.eventId }).from(registration).where(eq(registration.id, id)).for('update');
			// Confirmed or renewed meanwhile (or expired by another instance): leave it.
			if (!row || row.status !== 'pending') return;
			const [settings] = await tx.select({ holdHours: registrationSettings.holdHours }).from(registrationSettings).where(eq(registrationSettings.eventId, row.eventId));
			if (!settings || settings.holdHours <= 0 || row.updatedAt.getTime() > now.getTime() - settings.holdHours * 3_600_000) return;
			const freed = await tx.delete(registrationSession).where(eq(registrationSession.registrationId, id)).returning({ sessionId: registrationSession.sessionId });
			await tx.update(registration).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(registration.id, id));
			await recordAudit(tx, null, { action: 'registration.expired', entity: 'registration', entityId: id, details: { eventId: row.eventId } });
			await notify(tx, env, id, 'expired', `registration-expired:${id}:${row.updatedAt.getTime()}`);
			for (const { sessionId } of freed) await fillFreedSeats(tx, { ...env, now }, sessionId);
			expired++;
		});
	}
	return expired;
}
