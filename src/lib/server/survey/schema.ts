import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../i18n/localized.ts';
import { event } from '../events/schema.ts';
import { registration } from '../registrations/schema.ts';

/** The short survey after the exchange: up to ten questions, each a 1–5 scale or free text. */
export const SURVEY_KINDS = ['scale', 'text'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const surveyQuestion = pgTable(
	'survey_question',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind', { enum: SURVEY_KINDS }).notNull(),
		label: jsonb('label').$type<Partial<LocalizedText>>().notNull()
	},
	(t) => [index('survey_question_event_idx').on(t.eventId, t.position)]
);

/** One answer per registrant (the unique index holds under concurrency). */
export const surveyResponse = pgTable(
	'survey_response',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		/** Null once the registrant deleted their data: the answers stay, anonymous. */
		registrationId: uuid('registration_id').references(() => registration.id, { onDelete: 'set null' }),
		answers: jsonb('answers').$type<Record<string, number | string>>().notNull(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('survey_response_once_idx').on(t.eventId, t.registrationId)]
);
