import { sql } from 'drizzle-orm';
import {
	boolean,
	customType,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../i18n/localized.ts';
import { event } from '../events/schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const PRACTICE_STATUSES = ['draft', 'submitted', 'changes_requested', 'published', 'archived'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

export const ARTICULATION_LEVELS = ['municipal', 'intermunicipal', 'metropolitan', 'multilevel', 'international_network'] as const;
export type ArticulationLevel = (typeof ARTICULATION_LEVELS)[number];

export const PRACTICE_LANGUAGES = ['es', 'pt'] as const;
export type PracticeLanguage = (typeof PRACTICE_LANGUAGES)[number];

/** Municipality size bands by population: data, not code (seeded by migration, editable). */
export const sizeBand = pgTable('size_band', {
	code: text('code').primaryKey(),
	position: integer('position').notNull(),
	/** Inclusive lower bound. */
	minPopulation: integer('min_population').notNull(),
	/** Exclusive upper bound; null for the largest band. */
	maxPopulation: integer('max_population'),
	label: jsonb('label').$type<LocalizedText>().notNull()
});

/** A city or other place, usually from the GeoNames gazetteer; organisers can add a missing one. */
export const place = pgTable(
	'place',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		geonamesId: integer('geonames_id').unique(),
		name: text('name').notNull(),
		/** ISO 3166-1 alpha-2 */
		country: text('country').notNull(),
		population: integer('population'),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('place_country_idx').on(t.country)]
);

export interface PracticeLink {
	kind: 'slides' | 'document' | 'recording' | 'web';
	label: string;
	url: string;
}

/** The narrative fields of a practice, in the order a practitioner reads them. */
export const PRACTICE_TEXT_FIELDS = [
	'context',
	'objectives',
	'actions',
	'participation',
	'actors',
	'resources',
	'results',
	'indicators',
	'lessons',
	'difficulties',
	'transfer'
] as const;
export type PracticeTextField = (typeof PRACTICE_TEXT_FIELDS)[number];

const longText = (name: string) => text(name).notNull().default('');

export const practice = pgTable(
	'practice',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		status: text('status', { enum: PRACTICE_STATUSES }).notNull().default('draft'),
		language: text('language', { enum: PRACTICE_LANGUAGES }).notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull(),
		context: longText('context'),
		objectives: longText('objectives'),
		actions: longText('actions'),
		participation: longText('participation'),
		actors: longText('actors'),
		resources: longText('resources'),
		results: longText('results'),
		indicators: longText('indicators'),
		lessons: longText('lessons'),
		difficulties: longText('difficulties'),
		transfer: longText('transfer'),
		articulation: text('articulation', { enum: ARTICULATION_LEVELS }).notNull(),
		startYear: integer('start_year'),
		endYear: integer('end_year'),
		ongoing: boolean('ongoing').notNull().default(false),
		// Facet values kept on the row as arrays (GIN-indexed), so a search with facets is one scan.
		axes: text('axes').array().notNull().default(sql`'{}'::text[]`),
		countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
		sdgs: integer('sdgs').array().notNull().default(sql`'{}'::integer[]`),
		tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
		sizeBand: text('size_band').references(() => sizeBand.code),
		/** Population of the lead place, as shown up front on the page. */
		population: integer('population'),
		placeNames: text('place_names').notNull().default(''),
		sources: text('sources').array().notNull().default(sql`'{}'::text[]`),
		links: jsonb('links').$type<PracticeLink[]>().notNull().default([]),
		contactName: text('contact_name').notNull().default(''),
		contactEmail: text('contact_email').notNull().default(''),
		contactPublic: boolean('contact_public').notNull().default(false),
		licence: text('licence').notNull().default('CC-BY-4.0'),
		origin: text('origin', { enum: ['event', 'submission'] }).notNull(),
		eventId: uuid('event_id').references(() => event.id, { onDelete: 'set null' }),
		/** Illustrative content shipped with the demo, labelled as such everywhere. */
		demo: boolean('demo').notNull().default(false),
		version: integer('version').notNull().default(0),
		/** A city's draft is edited through a private link; only the token's SHA-256 is kept. */
		editTokenHash: text('edit_token_hash').unique(),
		/** The language the submitter uses the site in (for the mails we send them). */
		submitterLocale: text('submitter_locale').notNull().default('es'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('practice_axes_idx').using('gin', t.axes),
		index('practice_countries_idx').using('gin', t.countries),
		index('practice_sdgs_idx').using('gin', t.sdgs),
		index('practice_status_published_idx').on(t.status, t.publishedAt),
		index('practice_event_idx').on(t.eventId)
	]
);

/**
 * What a search reads, one narrow row per published practice, kept by a trigger on `practice`
 * (migrations 0007 and 0012): the facet values inline and the full text-search vector out of
 * line, about 230 bytes a row. Facet counts over tens of thousands of matches then walk a few
 * thousand small pages. The ranking vector and the title live beside it in `practice_rank`,
 * read only for the rows being ranked or sorted by title.
 */
export const practiceSearch = pgTable(
	'practice_search',
	{
		practiceId: uuid('practice_id')
			.primaryKey()
			.references(() => practice.id, { onDelete: 'cascade' }),
		language: text('language').notNull(),
		axes: text('axes').array().notNull(),
		countries: text('countries').array().notNull(),
		sizeBand: text('size_band'),
		articulation: text('articulation').notNull(),
		sdgs: integer('sdgs').array().notNull(),
		startYear: integer('start_year'),
		eventId: uuid('event_id'),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		/** Every word of the practice (weights A–D), out of line: matched through its index only. */
		searchVector: tsvector('search_vector').notNull()
	},
	(t) => [
		// Indexed through practice_words(), an identity function that tells the planner reading a
		// vector is costly, so words are always matched by the index and never row by row.
		index('practice_search_vector_idx').using('gin', sql`practice_words(${t.searchVector})`),
		index('practice_search_axes_idx').using('gin', t.axes),
		index('practice_search_countries_idx').using('gin', t.countries),
		index('practice_search_sdgs_idx').using('gin', t.sdgs),
		index('practice_search_published_idx').on(t.publishedAt)
	]
);

/** Beside `practice_search`, same rows: what ranks a match and sorts by title. */
export const practiceRank = pgTable('practice_rank', {
	practiceId: uuid('practice_id')
		.primaryKey()
		.references(() => practice.id, { onDelete: 'cascade' }),
	title: text('title').notNull(),
	/** The words a reader sees first (title, tags, places, summary). */
	rankVector: tsvector('rank_vector').notNull()
});

export const practicePlace = pgTable(
	'practice_place',
	{
		practiceId: uuid('practice_id')
			.notNull()
			.references(() => practice.id, { onDelete: 'cascade' }),
		placeId: uuid('place_id')
			.notNull()
			.references(() => place.id),
		position: integer('position').notNull()
	},
	(t) => [primaryKey({ columns: [t.practiceId, t.placeId] }), index('practice_place_place_idx').on(t.placeId)]
);

/** Every published state of a practice, so visitors can see its history and what changed. */
export const practiceVersion = pgTable(
	'practice_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		practiceId: uuid('practice_id')
			.notNull()
			.references(() => practice.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
		changedByEmail: text('changed_by_email'),
		note: text('note').notNull().default(''),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('practice_version_idx').on(t.practiceId, t.version)]
);

/**
 * Every word (unaccented, lower case) of the published practices: a misspelt search word is
 * replaced by its nearest neighbour here (trigram similarity) and the search runs again.
 */
export const searchWord = pgTable(
	'search_word',
	{ word: text('word').primaryKey() },
	(t) => [index('search_word_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`)]
);

/** Moderators' notes on a practice: internal, or sent to the submitter with a request for changes. */
export const practiceComment = pgTable(
	'practice_comment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		practiceId: uuid('practice_id')
			.notNull()
			.references(() => practice.id, { onDelete: 'cascade' }),
		authorEmail: text('author_email'),
		body: text('body').notNull(),
		toSubmitter: boolean('to_submitter').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('practice_comment_idx').on(t.practiceId, t.createdAt)]
);

export const FILE_REVIEW_STATES = ['pending', 'approved'] as const;
export type FileReview = (typeof FILE_REVIEW_STATES)[number];

/** Files a city attached to its practice (slides, documents), checked by content and size. */
export const practiceFile = pgTable(
	'practice_file',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		practiceId: uuid('practice_id')
			.notNull()
			.references(() => practice.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['slides', 'document', 'image'] }).notNull(),
		originalName: text('original_name').notNull(),
		/** What a photo shows, for people who cannot see it (required for images, null for documents). */
		altText: text('alt_text'),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		/** Relative to DATA_DIR/uploads. */
		storedPath: text('stored_path').notNull(),
		/** A moderator approves each file before it can be public (removing one deletes it). */
		review: text('review', { enum: FILE_REVIEW_STATES }).notNull().default('pending'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('practice_file_idx').on(t.practiceId)]
);
