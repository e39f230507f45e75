import { and, desc, eq, inArray, lte, or, sql, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Ctx } from '../context.ts';
import { outbox, type OutboxState } from './schema.ts';

export interface MailMessage {
	template: string;
	locale: string;
	to: string;
	subject: string;
	body: string;
	payload?: Record<string, unknown>;
	/** The same key twice never makes a second mail. */
	idempotencyKey?: string;
	/** Mails sent together to many people share a batch, to follow their delivery. */
	batchId?: string;
}

/**
 * Queue a mail. `delivery` says whether a worker will send it ("queued")
 * or it only waits in the outbox for organisers to read ("stored", when no SMTP is set).
 */
export async function enqueueMail(ctx: Pick<Ctx, 'db' | 'delivery'>, message: MailMessage): Promise<{ id: string } | null> {
	const rows = await ctx.db
		.insert(outbox)
		.values({
			template: message.template,
			locale: message.locale,
			recipient: message.to,
			subject: message.subject,
			body: message.body,
			payload: message.payload ?? {},
			state: ctx.delivery === 'smtp' ? 'queued' : 'stored',
			idempotencyKey: message.idempotencyKey ?? null,
			batchId: message.batchId ?? null
		})
		.onConflictDoNothing({ target: outbox.idempotencyKey })
		.returning({ id: outbox.id });
	return rows[0] ?? null;
}

export const MAX_ATTEMPTS = 8;

/** 30 s, 1 min, 2 min, … capped at 1 h: a long SMTP outage never loses a mail. */
export function backoffSeconds(attempts: number): number {
	return Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
}

export type ClaimedMail = typeof outbox.$inferSelect;

/**
 * Claim due mails for sending. SKIP LOCKED lets several app instances share one queue
 * without sending a mail twice; a claim expires so a crashed sender's mails go out later.
 */
export async function claimDueMails(db: Db, now: Date, limit = 10): Promise<ClaimedMail[]> {
	const lease = new Date(now.getTime() + 2 * 60_000);
	const due = db
		.select({ id: outbox.id })
		.from(outbox)
		.where(
			or(
				and(eq(outbox.state, 'queued'), lte(outbox.nextAttemptAt, now)),
				and(eq(outbox.state, 'sending'), or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now)))
			)
		)
		.orderBy(outbox.nextAttemptAt)
		.limit(limit)
		.for('update', { skipLocked: true });
	return db
		.update(outbox)
		.set({ state: 'sending', lockedUntil: lease, attempts: sql`${outbox.attempts} + 1` })
		.where(inArray(outbox.id, due))
		.returning();
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
	await db
		.update(outbox)
		.set({ state: 'sent', sentAt: now, lockedUntil: null, lastError: null })
		.where(eq(outbox.id, id));
}

export async function markFailedAttempt(
	db: Db,
	mail: Pick<ClaimedMail, 'id' | 'attempts'>,
	error: string,
	now: Date
): Promise<OutboxState> {
	const state: OutboxState = mail.attempts >= MAX_ATTEMPTS ? 'failed' : 'queued';
	await db
		.update(outbox)
		.set({
			state,
			lockedUntil: null,
			lastError: error.slice(0, 1000),
			nextAttemptAt: new Date(now.getTime() + backoffSeconds(mail.attempts) * 1000)
		})
		.where(eq(outbox.id, mail.id));
	return state;
}

/** An organiser gives a mail that ran out of attempts another round. */
export async function requeueMail(db: Db, id: string, now: Date): Promise<boolean> {
	const rows = await db
		.update(outbox)
		.set({ state: 'queued', attempts: 0, nextAttemptAt: now, lastError: null })
		.where(and(eq(outbox.id, id), eq(outbox.state, 'failed')))
		.returning({ id: outbox.id });
	return rows.length === 1;
}

/** Which of these idempotency keys already made a mail (so a caller can skip work already done). */
export async function existingIdempotencyKeys(db: Db, keys: string[]): Promise<Set<string>> {
	const found = new Set<string>();
	for (let i = 0; i < keys.length; i += 1000) {
		const chunk = keys.slice(i, i + 1000);
		const rows = await db.select({ key: outbox.idempotencyKey }).from(outbox).where(inArray(outbox.idempotencyKey, chunk));
		for (const r of rows) if (r.key) found.add(r.key);
	}
	return found;
}

/** How the mails of a batch are doing: counts per state, and the failures with their last error. */
export async function batchDelivery(db: Db, batchId: string) {
	const counts = await db
		.select({ state: outbox.state, n: sql<number>`count(*)::int` })
		.from(outbox)
		.where(eq(outbox.batchId, batchId))
		.groupBy(outbox.state);
	const failures = await db
		.select({ recipient: outbox.recipient, attempts: outbox.attempts, lastError: outbox.lastError })
		.from(outbox)
		.where(and(eq(outbox.batchId, batchId), eq(outbox.state, 'failed')))
		.orderBy(outbox.recipient)
		.limit(500);
	const byState = Object.fromEntries(counts.map((c) => [c.state, c.n])) as Partial<Record<OutboxState, number>>;
	return { byState, total: counts.reduce((n, c) => n + c.n, 0), failures };
}
