import { and, desc, eq, inArray } from 'drizzle-orm';
import { m } from '../../paraglide/messages.js';
import type { Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import { recordAudit } from '../audit/log.ts';
import { canManageEvent } from '../auth/rules.ts';
import { batchDelivery, enqueueMail } from '../mail/outbox.ts';
import { event, eventSession } from '../events/schema.ts';
import { isLocale, pick, type Locale } from '../../i18n/localized.ts';
import { bulkMessage, registration, registrationSession, type BulkAudience } from './schema.ts';
import { registrationToken } from './tokens.ts';
import { linkFor, type RegistrationEnv } from './commands.ts';

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
export async function writeToRegistrants({ ctx, env, eventId, input }: { ctx: Ctx; env: RegistrationEnv; eventId: string; input: BulkInput }) {
	if (!canManageEvent(ctx.actor, eventId)) throw new DomainError('forbidden', 'forbidden');
	return ctx.db.transaction(async (tx) => {
		const [ev] = await tx.select({ title: event.title }).from(event).where(eq(event.id, eventId));
		if (!ev) throw new DomainError('not_found', 'not_found');
		if (input.sessionId) {
			const [s] = await tx.select({ id: eventSession.id }).from(eventSession).where(and(eq(eventSession.id, input.sessionId), eq(eventSession.eventId, eventId)));
			if (!s) throw new DomainError('not_found', 'not_found');
		}
		const statuses = input.audience === 'confirmed' ? (['confirmed'] as const) : (['pending', 'confirmed'] as const);
		const seatStates = input.audience === 'waitlist' ? (['waitlist'] as const) : input.audience === 'confirmed' ? (['seat'] as const) : (['seat', 'waitlist'] as const);
		const people = await tx
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
		const [batch] = await tx
			.insert(bulkMessage)
			.values({ eventId, sessionId: input.sessionId, audience: input.audience, subject: input.subject, body: input.body, recipients: people.length, createdBy: ctx.actor?.email ?? '' })
			.returning({ id: bulkMessage.id });
		for (const p of people) {
			const locale: Locale = isLocale(p.locale) ? p.locale : 'es';
			const url = linkFor(env, registrationToken(env.secret, p.id, p.salt), locale);
			await enqueueMail(
				tx,
				{
					template: 'registrants-message',
					locale,
					to: p.email,
					subject: `${input.subject} · ${pick(ev.title, locale).text}`,
					body: m.mail_bulk_body({ name: p.name, body: input.body, url }, { locale }),
					payload: { bulkMessageId: batch.id },
					idempotencyKey: `bulk:${batch.id}:${p.id}`,
					batchId: batch.id
				},
				env.delivery
			);
		}
		await recordAudit(tx, ctx.actor, { action: 'registrants.written', entity: 'event', entityId: eventId, details: { bulkMessageId: batch.id, sessionId: input.sessionId, audience: input.audience, recipients: people.length } });
		return { id: batch.id, recipients: people.length };
	});
}

/** The messages written for an event, newest first, each with its delivery so far. */
export async function listBulkMessages(ctx: Ctx, eventId: string) {
	if (!canManageEvent(ctx.actor, eventId)) throw new DomainError('forbidden', 'forbidden');
	const rows = await ctx.db.select().from(bulkMessage).where(eq(bulkMessage.eventId, eventId)).orderBy(desc(bulkMessage.createdAt)).limit(50);
	return Promise.all(rows.map(async (r) => ({ ...r, delivery: await batchDelivery(ctx.db, r.id) })));
}
