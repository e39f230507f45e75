import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError, inTransaction, userOf } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { assertCanManageEvent } from '../auth/index.ts';
import { batchDelivery, enqueueMail } from '../mail/outbox.ts';
import { event, eventSession } from '../events/schema.ts';
import { bulkMessage, registration, registrationSession, type BulkAudience } from './schema.ts';
import { bulkMail } from './mails.ts';

export interface BulkInput {
	sessionId: string | null;
	audience: BulkAudience;
	subject: string;
	body: string;
}

/**
 * Write to the registrants of a session (or of every session): one mail per person in their
 * language's greeting and with their private link, all queued through the outbox as one batch
 * whose delivery organisers follow.
 */
export async function writeToRegistrants({ ctx, eventId, input }: { ctx: Ctx; eventId: string; input: BulkInput }) {
	assertCanManageEvent(ctx, eventId);
	return inTransaction(ctx, async (tx) => {
		const [ev] = await tx.db.select({ title: event.title }).from(event).where(eq(event.id, eventId));
		if (!ev) throw new DomainError('not_found', 'not_found');
		if (input.sessionId) {
			const [s] = await tx.db.select({ id: eventSession.id }).from(eventSession).where(and(eq(eventSession.id, input.sessionId), eq(eventSession.eventId, eventId)));
			if (!s) throw new DomainError('not_found', 'not_found');
		}
		const statuses = input.audience === 'confirmed' ? (['confirmed'] as const) : (['pending', 'confirmed'] as const);
		const seatStates = input.audience === 'waitlist' ? (['waitlist'] as const) : input.audience === 'confirmed' ? (['seat'] as const) : (['seat', 'waitlist'] as const);
		const people = await tx.db
			.selectDistinct({ id: registration.id, email: registration.email, name: registration.name, locale: registration.locale, salt: registration.tokenSalt })
			.from(registration)
			.innerJoin(registrationSession, eq(registrationSession.registrationId, registration.id))
			.where(
				and(
					eq(registration.eventId, eventId),
					inArray(registration.status, [...statuses]),
					inArray(registrationSession.state, [...seatStates]),
					input.sessionId ? eq(registrationSession.sessionId, input.sessionId) : undefined
				)
			);
		if (people.length === 0) throw new DomainError('conflict', 'no_recipients');
		const [batch] = await tx.db
			.insert(bulkMessage)
			.values({ eventId, sessionId: input.sessionId, audience: input.audience, subject: input.subject, body: input.body, recipients: people.length, createdBy: userOf(ctx.actor)?.email ?? '' })
			.returning({ id: bulkMessage.id });
		for (const person of people) {
			await enqueueMail(tx, bulkMail(ctx, { person, eventTitle: ev.title, subject: input.subject, body: input.body, batchId: batch.id }));
		}
		await recordAudit(tx, { action: 'registrants.written', entity: 'event', entityId: eventId, details: { bulkMessageId: batch.id, sessionId: input.sessionId, audience: input.audience, recipients: people.length } });
		return { id: batch.id, recipients: people.length };
	});
}

/** The messages written for an event, newest first, each with its delivery so far. */
export async function listBulkMessages(ctx: Ctx, eventId: string) {
	assertCanManageEvent(ctx, eventId);
	const rows = await ctx.db.select().from(bulkMessage).where(eq(bulkMessage.eventId, eventId)).orderBy(desc(bulkMessage.createdAt)).limit(50);
	return Promise.all(rows.map(async (r) => ({ ...r, delivery: await batchDelivery(ctx.db, r.id) })));
}
