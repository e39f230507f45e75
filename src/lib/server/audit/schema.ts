import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		/** user · registrant · submitter · system · anonymous (see Actor in context.ts). */
		actorKind: text('actor_kind').notNull().default('user'),
		actorUserId: text('actor_user_id'),
		actorEmail: text('actor_email'),
		/** The registration id, practice id or job name behind a non-user actor. */
		actorRef: text('actor_ref'),
		action: text('action').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id'),
		details: jsonb('details').$type<Record<string, unknown>>().notNull().default({})
	},
	(t) => [index('audit_log_at_idx').on(t.at)]
);
