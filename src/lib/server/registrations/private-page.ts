import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { asActor, DomainError, inTransaction } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { hashToken, TOKEN_SHAPE } from '../private-links/index.ts';
import { forgetCertificatesOf } from '../certificates/index.ts';
import { detachSurveyResponses } from '../survey/index.ts';
import { redactMails } from '../mail/index.ts';
import { registration, registrationSession } from './schema.ts';
import { canChangeSessions, canConfirm, canDropSession } from './rules.ts';
import { notifyRegistrant } from './mails.ts';
import { fillAll, fillFreedSeats, takePlaces, validSessions } from './seats.ts';
import type { RegistrationDetails } from './register.ts';

/**
 * What a registrant does behind their private link. Each verb resolves the link, locks the
 * registration and acts on as the registrant (the audit log names them, not "anonymous").
 */

/** Inside a transaction: the registration behind a private link, locked; unknown and deleted ones are refused. */
async function openByToken<T>(ctx: Ctx, token: string, work: (tx: Ctx, row: typeof registration.$inferSelect) => Promise<T>): Promise<T> {
	if (!TOKEN_SHAPE.test(token)) throw new DomainError('not_found', 'not_found');
	return inTransaction(ctx, async (tx) => {
		const [row] = await tx.db.select().from(registration).where(eq(registration.tokenHash, hashToken(token))).for('update');
		if (!row || row.status === 'deleted') throw new DomainError('not_found', 'not_found');
		return work(asActor(tx, { kind: 'registrant', registrationId: row.id }), row);
	});
}

/** Double opt-in: following the link and pressing "confirm" turns held seats into confirmed ones. */
export async function confirmRegistration({ ctx, token, now = new Date() }: { ctx: Ctx; token: string; now?: Date }) {
	return openByToken(ctx, token, async (tx, row) => {
		if (row.status === 'confirmed') return { alreadyConfirmed: true };
		if (!canConfirm(row)) throw new DomainError('conflict', 'registration_cancelled');
		await tx.db.update(registration).set({ status: 'confirmed', confirmedAt: now, updatedAt: now }).where(eq(registration.id, row.id));
		await recordAudit(tx, { action: 'registration.confirmed', entity: 'registration', entityId: row.id, details: { eventId: row.eventId } });
		await notifyRegistrant(tx, { registrationId: row.id, kind: 'confirmed', idempotencyKey: `registration-confirmed:${row.id}` });
		return { alreadyConfirmed: false };
	});
}

/** Add a session to a registration (a seat, or the waiting list when it is full). */
export async function addSessionToRegistration({ ctx, token, sessionId, now = new Date() }: { ctx: Ctx; token: string; sessionId: string; now?: Date }) {
	return openByToken(ctx, token, async (tx, row) => {
		if (!canChangeSessions(row)) throw new DomainError('conflict', 'registration_cancelled');
		const [valid] = await validSessions(tx, row.eventId, [sessionId], now);
		const [already] = await tx.db
			.select({ state: registrationSession.state })
			.from(registrationSession)
			.where(and(eq(registrationSession.registrationId, row.id), eq(registrationSession.sessionId, valid)));
		if (already) return already.state;
		const [placed] = await takePlaces(tx, row.id, [valid], now);
		await tx.db.update(registration).set({ updatedAt: now }).where(eq(registration.id, row.id));
		await recordAudit(tx, { action: 'registration.session_added', entity: 'registration', entityId: row.id, details: { sessionId: valid, state: placed.state } });
		return placed.state;
	});
}

/** Drop one session; its seat goes to the next person waiting. The last session cannot be dropped: cancel instead. */
export async function dropSessionFromRegistration({ ctx, token, sessionId, now = new Date() }: { ctx: Ctx; token: string; sessionId: string; now?: Date }) {
	await openByToken(ctx, token, async (tx, row) => {
		const chosen = await tx.db.select({ sessionId: registrationSession.sessionId }).from(registrationSession).where(eq(registrationSession.registrationId, row.id));
		const verdict = canDropSession(row, chosen.map((c) => c.sessionId), sessionId);
		if (verdict === 'inactive') throw new DomainError('conflict', 'registration_cancelled');
		if (verdict === 'not_chosen') throw new DomainError('not_found', 'not_found');
		if (verdict === 'last_session') throw new DomainError('conflict', 'last_session');
		await tx.db.delete(registrationSession).where(and(eq(registrationSession.registrationId, row.id), eq(registrationSession.sessionId, sessionId)));
		await tx.db.update(registration).set({ updatedAt: now }).where(eq(registration.id, row.id));
		await recordAudit(tx, { action: 'registration.session_dropped', entity: 'registration', entityId: row.id, details: { sessionId } });
		await fillFreedSeats({ ctx: tx, sessionId, now });
	});
}

/** Change one's own details (the address stays: it is what the registration is known by). */
export async function updateRegistrationDetails({ ctx, token, details, now = new Date() }: { ctx: Ctx; token: string; details: RegistrationDetails; now?: Date }) {
	await openByToken(ctx, token, async (tx, row) => {
		await tx.db
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
		await recordAudit(tx, { action: 'registration.details_changed', entity: 'registration', entityId: row.id, details: { eventId: row.eventId } });
	});
}

/** Cancel: every seat is freed (and given to people waiting); the person may register again later. */
export async function cancelRegistration({ ctx, token, now = new Date() }: { ctx: Ctx; token: string; now?: Date }) {
	await openByToken(ctx, token, async (tx, row) => {
		if (row.status === 'cancelled') return;
		const freed = await tx.db.delete(registrationSession).where(eq(registrationSession.registrationId, row.id)).returning({ sessionId: registrationSession.sessionId });
		await tx.db.update(registration).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(registration.id, row.id));
		await recordAudit(tx, { action: 'registration.cancelled', entity: 'registration', entityId: row.id, details: { eventId: row.eventId } });
		await fillAll(tx, freed.map((f) => f.sessionId), now);
	});
}

/**
 * Delete one's registration: personal data is erased for good, the private link stops working,
 * seats are freed, their mails in the outbox are erased, certificates are withdrawn and survey answers stay in the results no longer
 * tied to anyone. What remains (country, kind of institution, dates) only feeds statistics.
 */
export async function deleteRegistration({ ctx, token, now = new Date() }: { ctx: Ctx; token: string; now?: Date }) {
	await openByToken(ctx, token, async (tx, row) => {
		const freed = await tx.db.delete(registrationSession).where(eq(registrationSession.registrationId, row.id)).returning({ sessionId: registrationSession.sessionId });
		await forgetCertificatesOf({ ctx: tx, registrationId: row.id });
		await detachSurveyResponses({ ctx: tx, registrationId: row.id });
		await tx.db
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
		// Their mails go too (recipient, subject, body, links); the outbox keeps only what was sent when.
		await redactMails(tx, { about: { registrationId: row.id } });
		await recordAudit(tx, { action: 'registration.deleted', entity: 'registration', entityId: row.id, details: { eventId: row.eventId } });
		await fillAll(tx, freed.map((f) => f.sessionId), now);
	});
}
