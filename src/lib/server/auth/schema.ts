import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { network } from '../networks/schema.ts';
import { event } from '../events/schema.ts';

// Better Auth's four tables (names prefixed so that "user", a reserved word, is never a table name).
export const authUser = pgTable('auth_user', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	email: text('email').notNull().unique(),
	emailVerified: boolean('email_verified').notNull().default(false),
	image: text('image'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const authSession = pgTable(
	'auth_session',
	{
		id: text('id').primaryKey(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		token: text('token').notNull().unique(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id, { onDelete: 'cascade' })
	},
	(t) => [index('auth_session_user_idx').on(t.userId)]
);

export const authAccount = pgTable(
	'auth_account',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id').notNull(),
		providerId: text('provider_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id, { onDelete: 'cascade' }),
		accessToken: text('access_token'),
		refreshToken: text('refresh_token'),
		idToken: text('id_token'),
		accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
		refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
		scope: text('scope'),
		password: text('password'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('auth_account_user_idx').on(t.userId)]
);

export const authVerification = pgTable(
	'auth_verification',
	{
		id: text('id').primaryKey(),
		identifier: text('identifier').notNull(),
		value: text('value').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('auth_verification_identifier_idx').on(t.identifier)]
);

/**
 * administrator: the installation (networks, people, outbox, audit) · organiser: every exchange of a
 * network (networkId) or one exchange (eventId) · reviewer and moderator: one exchange (eventId).
 */
export const ROLES = ['administrator', 'organiser', 'reviewer', 'moderator'] as const;
export type Role = (typeof ROLES)[number];

/** A role at one scope: the installation (no network, no event), a network, or one exchange. */
export const roleAssignment = pgTable(
	'role_assignment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull(),
		networkId: uuid('network_id'),
		eventId: uuid('event_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('role_assignment_unique').on(t.userId, t.role, t.networkId, t.eventId).nullsNotDistinct(),
		foreignKey({ name: 'role_assignment_network_fk', columns: [t.networkId], foreignColumns: [network.id] }).onDelete('cascade'),
		foreignKey({ name: 'role_assignment_event_fk', columns: [t.eventId], foreignColumns: [event.id] }).onDelete('cascade'),
		check(
			'role_assignment_scope',
			sql`("role" = 'administrator' AND "network_id" IS NULL AND "event_id" IS NULL) OR ("role" = 'organiser' AND (("network_id" IS NULL) <> ("event_id" IS NULL))) OR ("role" IN ('reviewer', 'moderator') AND "network_id" IS NULL AND "event_id" IS NOT NULL)`
		),
		index('role_assignment_user_idx').on(t.userId)
	]
);
