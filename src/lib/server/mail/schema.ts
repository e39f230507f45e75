import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'stored', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * Every mail is a row first. With SMTP configured the worker sends queued rows and
 * retries with backoff; without SMTP a row is "stored" and organisers read it in the admin area.
 */
export const outbox = pgTable(
	'outbox',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		template: text('template').notNull(),
		locale: text('locale').notNull(),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
		state: text('state', { enum: OUTBOX_STATES }).notNull(),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		lastError: text('last_error'),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		idempotencyKey: text('idempotency_key').unique(),
		/** Mails written together (one message to many people): their progress is counted by batch. */
		batchId: uuid('batch_id'),
		/**
		 * Set on a mail a visitor's request caused (a confirmation, a draft's link, a sign-in link):
		 * a keyed hash of the client's address ('' when unknown). The caps count these rows.
		 */
		requestedBy: text('requested_by')
	},
	(t) => [
		index('outbox_due_idx').on(t.state, t.nextAttemptAt),
		index('outbox_created_idx').on(t.createdAt),
		index('outbox_batch_idx').on(t.batchId, t.state),
		index('outbox_requested_recipient_idx').on(sql`lower(${t.recipient})`, t.createdAt).where(sql`${t.requestedBy} is not null`),
		index('outbox_requested_by_idx').on(t.requestedBy, t.createdAt).where(sql`${t.requestedBy} is not null`)
	]
);
