import { desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { outbox, type OutboxState } from './schema.ts';

/** A page of the outbox, newest first, for organisers to read. */
export async function listOutbox(ctx: Pick<Ctx, 'db'>, params: { limit: number; offset: number; state?: OutboxState }) {
	const where = params.state ? eq(outbox.state, params.state) : undefined;
	const rows = await ctx.db
		.select({
			id: outbox.id,
			createdAt: outbox.createdAt,
			template: outbox.template,
			locale: outbox.locale,
			recipient: outbox.recipient,
			subject: outbox.subject,
			state: outbox.state,
			attempts: outbox.attempts,
			lastError: outbox.lastError,
			sentAt: outbox.sentAt
		})
		.from(outbox)
		.where(where)
		.orderBy(desc(outbox.createdAt))
		.limit(params.limit)
		.offset(params.offset);
	const [{ total }] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(outbox).where(where);
	return { rows, total };
}

/** One mail as stored, with its body. */
export async function getOutboxMail(ctx: Pick<Ctx, 'db'>, mailId: string) {
	const [row] = await ctx.db
		.select({
			id: outbox.id,
			createdAt: outbox.createdAt,
			template: outbox.template,
			locale: outbox.locale,
			recipient: outbox.recipient,
			subject: outbox.subject,
			body: outbox.body,
			state: outbox.state,
			attempts: outbox.attempts,
			lastError: outbox.lastError,
			nextAttemptAt: outbox.nextAttemptAt,
			sentAt: outbox.sentAt
		})
		.from(outbox)
		.where(eq(outbox.id, mailId));
	return row ?? null;
}
