import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../i18n/localized.ts';
import { event, eventSession } from '../events/schema.ts';

/** The kinds of institution a registrant chooses from (statistics group by them). */
export const INSTITUTION_TYPES = ['local_government', 'national_government', 'academia', 'civil_society', 'international', 'private', 'other'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** pending: mail not confirmed yet (seats are held) · confirmed · cancelled by the person · deleted: anonymised. */
export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'cancelled', 'deleted'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Per chosen session: a seat (held or confirmed with the registration) or a place on the waiting list. */
export const SEAT_STATES = ['seat', 'waitlist'] as const;
export type SeatState = (typeof SEAT_STATES)[number];

/** Reminders by default: the day before at the same local time, and one hour before. */
export const DEFAULT_REMINDER_MINUTES = [1440, 60];

/** What organisers set about registration for one event. */
export const registrationSettings = pgTable('registration_settings', {
	eventId: uuid('event_id')
		.primaryKey()
		.references(() => event.id, { onDelete: 'cascade' }),
	opensAt: timestamp('opens_at', { withTimezone: true }),
	closesAt: timestamp('closes_at', { withTimezone: true }),
	/** The privacy text a registrant consents to, per language; its version goes up on every change. */
	privacyText: jsonb('privacy_text').$type<Partial<LocalizedText>>().notNull().default({}),
	privacyVersion: integer('privacy_version').notNull().default(1),
	/** Minutes before a session start; whole days are counted in the event's zone (same wall time). */
	reminderMinutes: integer('reminder_minutes')
		.array()
		.notNull()
		.default(sql`'{1440,60}'::int[]`),
	/** An unconfirmed registration keeps its seats this many hours, then expires (0: until confirmed). */
	holdHours: integer('hold_hours').notNull().default(0),
	/** A session counts as attended from this share of its length (report minutes), or a self check-in. */
	minAttendancePercent: integer('min_attendance_percent').notNull().default(75),
	/** The certificate's own words, per language, and who signs it. */
	certificateText: jsonb('certificate_text').$type<Partial<LocalizedText>>().notNull().default({}),
	signatories: jsonb('signatories').$type<{ name: string; role: string }[]>().notNull().default([]),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const registration = pgTable(
	'registration',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		/** Lower-cased; one registration per address and event (the same person registering twice updates it). */
		email: text('email').notNull(),
		name: text('name').notNull(),
		country: text('country').notNull(),
		city: text('city').notNull().default(''),
		geonamesId: integer('geonames_id'),
		institution: text('institution').notNull().default(''),
		institutionType: text('institution_type', { enum: INSTITUTION_TYPES }).notNull(),
		role: text('role').notNull().default(''),
		/** The language of the registrant's mails and pages, and their own time zone for reminders. */
		locale: text('locale').notNull(),
		timeZone: text('time_zone').notNull(),
		answers: jsonb('answers').$type<Record<string, string | string[]>>().notNull().default({}),
		consentVersion: integer('consent_version').notNull(),
		consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
		status: text('status', { enum: REGISTRATION_STATUSES }).notNull().default('pending'),
		/** sha256 of the private link's token; the token itself is derived (HMAC) and never stored. */
		tokenHash: text('token_hash').notNull().unique(),
		tokenSalt: text('token_salt').notNull(),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('registration_event_email_idx').on(t.eventId, t.email), index('registration_event_created_idx').on(t.eventId, t.createdAt)]
);

export const registrationSession = pgTable(
	'registration_session',
	{
		registrationId: uuid('registration_id')
			.notNull()
			.references(() => registration.id, { onDelete: 'cascade' }),
		sessionId: uuid('session_id')
			.notNull()
			.references(() => eventSession.id, { onDelete: 'cascade' }),
		state: text('state', { enum: SEAT_STATES }).notNull(),
		/** Waiting-list order: who asked first gets the next free seat. */
		requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
		promotedAt: timestamp('promoted_at', { withTimezone: true }),
		checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
		attendedMinutes: integer('attended_minutes')
	},
	(t) => [primaryKey({ columns: [t.registrationId, t.sessionId] }), index('registration_session_queue_idx').on(t.sessionId, t.state, t.requestedAt)]
);

/** The event's own extra questions (text, select or checkbox), asked in every language. */
export const QUESTION_KINDS = ['text', 'select', 'checkbox'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const registrationQuestion = pgTable(
	'registration_question',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind', { enum: QUESTION_KINDS }).notNull(),
		label: jsonb('label').$type<Partial<LocalizedText>>().notNull(),
		/** For select questions: the choices, each in every language. */
		options: jsonb('options').$type<Partial<LocalizedText>[]>().notNull().default([]),
		required: boolean('required').notNull().default(false)
	},
	(t) => [index('registration_question_event_idx').on(t.eventId, t.position)]
);

/** A message organisers wrote to the registrants of a session (or of the whole event). */
export const BULK_AUDIENCES = ['confirmed', 'active', 'waitlist', 'attended', 'not_attended'] as const;
export type BulkAudience = (typeof BULK_AUDIENCES)[number];

export const bulkMessage = pgTable(
	'bulk_message',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		/** null: every session of the event. */
		sessionId: uuid('session_id').references(() => eventSession.id, { onDelete: 'set null' }),
		audience: text('audience', { enum: BULK_AUDIENCES }).notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		recipients: integer('recipients').notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('bulk_message_event_idx').on(t.eventId, t.createdAt)]
);
