import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { LocalizedText, Locale } from '../../i18n/localized.ts';
import { network, networkUnit } from '../networks/schema.ts';

export { network };

/** draft: only its organisers see it · published: public · archived: public, labelled as archived, takes nobody. */
export const EVENT_STATUSES = ['draft', 'published', 'archived'] as const;
export const AGENDA_STATES = ['to_be_defined', 'published'] as const;

export const event = pgTable('event', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	networkId: uuid('network_id')
		.notNull()
		.references(() => network.id),
	unitId: uuid('unit_id').references(() => networkUnit.id, { onDelete: 'set null' }),
	title: jsonb('title').$type<LocalizedText>().notNull(),
	summary: jsonb('summary').$type<LocalizedText>().notNull(),
	background: jsonb('background').$type<LocalizedText>().notNull(),
	objective: jsonb('objective').$type<LocalizedText>().notNull(),
	format: jsonb('format').$type<LocalizedText>().notNull(),
	timeZone: text('time_zone').notNull(),
	/** The languages the exchange is offered in: its texts must exist in each before it is published. */
	languages: text('languages').array().$type<Locale[]>().notNull().default(sql`ARRAY['es','pt']::text[]`),
	openToPresenters: boolean('open_to_presenters').notNull().default(true),
	openToAttendees: boolean('open_to_attendees').notNull().default(true),
	agendaState: text('agenda_state', { enum: AGENDA_STATES }).notNull().default('to_be_defined'),
	status: text('status', { enum: EVENT_STATUSES }).notNull().default('draft'),
	isDemo: boolean('is_demo').notNull().default(false),
	/** The organisers published the moderators' conclusions and the recordings: the exchange is concluded. */
	concludedAt: timestamp('concluded_at', { withTimezone: true }),
	publishedAt: timestamp('published_at', { withTimezone: true }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const axis = pgTable(
	'axis',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		position: integer('position').notNull(),
		name: jsonb('name').$type<LocalizedText>().notNull(),
		description: jsonb('description').$type<LocalizedText>().notNull(),
		/** The moderators' conclusions for this axis, after the exchange (empty until written). */
		conclusions: jsonb('conclusions').$type<Partial<LocalizedText>>().notNull().default({}),
		moderator: text('moderator').notNull().default('')
	},
	(t) => [index('axis_event_idx').on(t.eventId, t.position)]
);

export const eventSession = pgTable(
	'event_session',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: jsonb('title').$type<LocalizedText>().notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		// Shown only to confirmed registrants (registration issue); never on public pages.
		joinUrl: text('join_url'),
		recordingUrl: text('recording_url'),
		/** Seats for registrants; null: no limit. */
		capacity: integer('capacity'),
		/** RFC 5545 SEQUENCE of the session's calendar entry: goes up on every change of its time or join link. */
		sequence: integer('sequence').notNull().default(0),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('event_session_event_idx').on(t.eventId, t.startsAt)]
);
