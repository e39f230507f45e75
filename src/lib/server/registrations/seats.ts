import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError, inTransaction } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { eventSession } from '../events/schema.ts';
import { setSessionCapacity } from '../events/index.ts';
import { registration, registrationSession, registrationSettings } from './schema.ts';
import { ACTIVE_STATUSES, canChooseSession, hasFreeSeat, holdExpired } from './rules.ts';
import { notifyRegistrant } from './mails.ts';

/**
 * Seats and waiting lists. A pending registration holds its seats; a full session puts the
 * person on its waiting list, and every freed seat goes at once to the next person waiting,
 * who is told by mail (an outbox row in the same transaction).
 */

/** Seats in use in a session: held by pending registrations and taken by confirmed ones. */
async function seatsTaken(tx: Ctx, sessionId: string): Promise<number> {
	const [row] = await tx.db
		.select({ n: sql<number>`count(*)::int` })
		.from(registrationSession)
		.where(and(eq(registrationSession.sessionId, sessionId), eq(registrationSession.state, 'seat')));
	return row.n;
}

/**
 * Lock the sessions (in a fixed order, so two registrations never wait on each other) and
 * give a seat while one is free, else a place on the waiting list.
 */
export async function takePlaces(tx: Ctx, registrationId: string, sessionIds: string[], now: Date) {
	const placed: { sessionId: string; state: 'seat' | 'waitlist' }[] = [];
	for (const sessionId of [...sessionIds].sort()) {
		const [session] = await tx.db.select({ capacity: eventSession.capacity }).from(eventSession).where(eq(eventSession.id, sessionId)).for('update');
		const state = hasFreeSeat(session.capacity, session.capacity === null ? 0 : await seatsTaken(tx, sessionId)) ? ('seat' as const) : ('waitlist' as const);
		await tx.db.insert(registrationSession).values({ registrationId, sessionId, state, requestedAt: now });
		placed.push({ sessionId, state });
	}
	return placed;
}

/** The chosen sessions, checked: of this event, at least one, none over. */
export async function validSessions(tx: Ctx, eventId: string, sessionIds: string[], now: Date): Promise<string[]> {
	const unique = [...new Set(sessionIds)];
	if (unique.length === 0) throw new DomainError('invalid', 'choose_session');
	const rows = await tx.db
		.select({ id: eventSession.id, endsAt: eventSession.endsAt })
		.from(eventSession)
		.where(and(eq(eventSession.eventId, eventId), inArray(eventSession.id, unique)));
	if (rows.length !== unique.length) throw new DomainError('invalid', 'choose_session');
	if (!rows.every((r) => canChooseSession(r, now))) throw new DomainError('conflict', 'session_over');
	return unique;
}

/**
 * Give freed seats of a session to the people waiting longest, and tell each one by mail.
 * Called after anything that frees a seat or adds capacity, inside its transaction.
 */
export async function fillFreedSeats({ ctx, sessionId, now = new Date() }: { ctx: Ctx; sessionId: string; now?: Date }): Promise<number> {
	const [session] = await ctx.db
		.select({ capacity: eventSession.capacity, endsAt: eventSession.endsAt })
		.from(eventSession)
		.where(eq(eventSession.id, sessionId))
		.for('update');
	if (!session || session.endsAt <= now) return 0;
	const taken = await seatsTaken(ctx, sessionId);
	const free = session.capacity === null ? Number.MAX_SAFE_INTEGER : session.capacity - taken;
	if (free <= 0) return 0;
	const next = await ctx.db
		.select({ registrationId: registrationSession.registrationId })
		.from(registrationSession)
		.innerJoin(registration, eq(registration.id, registrationSession.registrationId))
		.where(and(eq(registrationSession.sessionId, sessionId), eq(registrationSession.state, 'waitlist'), inArray(registration.status, [...ACTIVE_STATUSES])))
		.orderBy(asc(registrationSession.requestedAt), asc(registrationSession.registrationId))
		.limit(Math.min(free, 10_000));
	for (const { registrationId } of next) {
		await ctx.db
			.update(registrationSession)
			.set({ state: 'seat', promotedAt: now })
			.where(and(eq(registrationSession.registrationId, registrationId), eq(registrationSession.sessionId, sessionId)));
		await notifyRegistrant(ctx, { registrationId, kind: 'seat_given', idempotencyKey: `seat-given:${registrationId}:${sessionId}:${now.getTime()}`, sessionId });
		await recordAudit(ctx, { action: 'registration.promoted', entity: 'registration', entityId: registrationId, details: { sessionId } });
	}
	return next.length;
}

/** Give every seat a set of sessions freed to the people waiting. */
export async function fillAll(tx: Ctx, sessionIds: string[], now: Date) {
	for (const sessionId of sessionIds) await fillFreedSeats({ ctx: tx, sessionId, now });
}

/**
 * An organiser sets a session's capacity (null: no limit) through the events domain, which
 * owns the session; more room moves the waiting list at once, in the same transaction.
 * Lowering the capacity never takes a seat away from someone who has it.
 */
export async function changeSessionCapacity({ ctx, eventId, sessionId, capacity, now = new Date() }: { ctx: Ctx; eventId: string; sessionId: string; capacity: number | null; now?: Date }) {
	return inTransaction(ctx, async (tx) => {
		await setSessionCapacity({ ctx: tx, eventId, sessionId, capacity });
		return fillFreedSeats({ ctx: tx, sessionId, now });
	});
}

/**
 * Unconfirmed registrations whose hold ran out (organisers set it per event; 0 keeps seats
 * until confirmed) expire: their seats go to the people waiting, and the person is told by mail
 * and may register again. Safe on every instance at once: each row is locked and re-checked.
 * Runs with the ctx it is given (the scheduler's system job).
 */
export async function expireUnconfirmed({ ctx, now = new Date() }: { ctx: Ctx; now?: Date }): Promise<number> {
	const due = await ctx.db
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
		await inTransaction(ctx, async (tx) => {
			const [row] = await tx.db
				.select({ status: registration.status, updatedAt: registration.updatedAt, eventId: registration.eventId })
				.from(registration)
				.where(eq(registration.id, id))
				.for('update');
			// Confirmed or renewed meanwhile (or expired by another instance): leave it.
			if (!row) return;
			const [settings] = await tx.db.select({ holdHours: registrationSettings.holdHours }).from(registrationSettings).where(eq(registrationSettings.eventId, row.eventId));
			if (!settings || !holdExpired(row, settings.holdHours, now)) return;
			const freed = await tx.db.delete(registrationSession).where(eq(registrationSession.registrationId, id)).returning({ sessionId: registrationSession.sessionId });
			await tx.db.update(registration).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(registration.id, id));
			await recordAudit(tx, { action: 'registration.expired', entity: 'registration', entityId: id, details: { eventId: row.eventId } });
			await notifyRegistrant(tx, { registrationId: id, kind: 'expired', idempotencyKey: `registration-expired:${id}:${row.updatedAt.getTime()}` });
			await fillAll(tx, freed.map((f) => f.sessionId), now);
			expired++;
		});
	}
	return expired;
}
