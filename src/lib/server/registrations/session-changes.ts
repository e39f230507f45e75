import { and, eq, inArray, sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../context.ts';
import { assertCanManageEvent } from '../auth/index.ts';
import { enqueueMail } from '../mail/index.ts';
import { removeSession, updateSession, type SessionChange, type SessionInput } from '../events/index.ts';
import { registration, registrationSession } from './schema.ts';
import { ACTIVE_STATUSES } from './rules.ts';
import { sessionNoticeMail } from './mails.ts';

/**
 * When organisers move a session, change its join link or remove it, the people registered
 * for it are told: one mail each, in their language and zone, written to the outbox in the same
 * transaction as the change.
 */

/** The active registrants of a session (pending or confirmed), seat holders only or also those waiting. */
async function registrantsOf(tx: Ctx, sessionId: string, states: ('seat' | 'waitlist')[]) {
	return tx.db
		.select({ registrationId: registrationSession.registrationId, state: registrationSession.state })
		.from(registrationSession)
		.innerJoin(registration, eq(registration.id, registrationSession.registrationId))
		.where(and(eq(registrationSession.sessionId, sessionId), inArray(registrationSession.state, states), inArray(registration.status, [...ACTIVE_STATUSES])));
}

/** How many people a session's cancellation would tell (active registrants with a seat or waiting). */
export async function sessionRegistrantCount(ctx: Ctx, { eventId, sessionId }: { eventId: string; sessionId: string }): Promise<number> {
	assertCanManageEvent(ctx, eventId);
	const [row] = await ctx.db
		.select({ n: sql<number>`count(*)::int` })
		.from(registrationSession)
		.innerJoin(registration, eq(registration.id, registrationSession.registrationId))
		.where(and(eq(registrationSession.sessionId, sessionId), eq(registration.eventId, eventId), inArray(registration.status, [...ACTIVE_STATUSES])));
	return row.n;
}

/**
 * An organiser edits a session (events' updateSession). A new time tells everyone with a seat or
 * on the waiting list; a new join link tells those with a seat. A change of title alone tells
 * nobody. Returns what changed and how many mails went to the outbox.
 */
export async function changeSession({ ctx, eventId, sessionId, input }: { ctx: Ctx; eventId: string; sessionId: string; input: SessionInput }): Promise<SessionChange & { told: number }> {
	return inTransaction(ctx, async (tx) => {
		const change = await updateSession({ ctx: tx, eventId, sessionId, input });
		let told = 0;
		if (change.timeChanged || change.joinUrlChanged) {
			const people = await registrantsOf(tx, sessionId, change.timeChanged ? ['seat', 'waitlist'] : ['seat']);
			for (const person of people) {
				const message = await sessionNoticeMail(tx, {
					registrationId: person.registrationId,
					state: person.state,
					// One mail per person and change: the SEQUENCE counts the session's changes.
					idempotencyKey: `session-changed:${sessionId}:${change.sequence}:${person.registrationId}`,
					notice: { kind: 'changed', sessionId, title: change.title, before: change.before, after: change.after, timeChanged: change.timeChanged, joinUrlChanged: change.joinUrlChanged }
				});
				if (message && (await enqueueMail(tx, message))) told++;
			}
		}
		return { ...change, told };
	});
}

/**
 * An organiser removes a session: everyone with a seat or waiting is told it is cancelled, then
 * events' removeSession deletes it. Their places in it go with it; their registrations (and
 * their other sessions) stay.
 */
export async function cancelSession({ ctx, eventId, sessionId }: { ctx: Ctx; eventId: string; sessionId: string }): Promise<{ told: number }> {
	assertCanManageEvent(ctx, eventId);
	return inTransaction(ctx, async (tx) => {
		const people = await registrantsOf(tx, sessionId, ['seat', 'waitlist']);
		const removed = await removeSession({ ctx: tx, eventId, sessionId });
		let told = 0;
		for (const person of people) {
			// Written after the delete: the mail reads the registration and the event, not the session.
			const message = await sessionNoticeMail(tx, {
				registrationId: person.registrationId,
				state: person.state,
				idempotencyKey: `session-cancelled:${sessionId}:${person.registrationId}`,
				notice: { kind: 'cancelled', sessionId, title: removed.title, startsAt: removed.startsAt, endsAt: removed.endsAt }
			});
			if (message && (await enqueueMail(tx, message))) told++;
		}
		return { told };
	});
}
