import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { event } from '../events/schema.ts';
import { registration } from '../registrations/schema.ts';

export const CERTIFICATE_ROLES = ['attendee', 'presenter', 'moderator'] as const;
export type CertificateRole = (typeof CERTIFICATE_ROLES)[number];

/** A certificate issued to a person for an event; its public code proves it (name, event and role only). */
export const certificate = pgTable(
	'certificate',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		code: text('code').notNull().unique(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		registrationId: uuid('registration_id').references(() => registration.id, { onDelete: 'set null' }),
		role: text('role', { enum: CERTIFICATE_ROLES }).notNull(),
		name: text('name').notNull(),
		email: text('email').notNull(),
		locale: text('locale').notNull(),
		minutes: integer('minutes').notNull().default(0),
		sessionIds: uuid('session_ids').array().notNull().default(sql`'{}'::uuid[]`),
		issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('certificate_person_idx').on(t.eventId, t.email, t.role)]
);

