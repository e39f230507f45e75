import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../i18n/localized.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value))
});

/** A network of cities (Mercociudades, an association of municipalities, a metropolitan network). */
export const network = pgTable('network', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	/** A proper name, written as the network writes it. */
	name: text('name').notNull(),
	shortName: text('short_name').notNull().default(''),
	description: jsonb('description').$type<Partial<LocalizedText>>().notNull().default({}),
	websiteUrl: text('website_url'),
	/** The logo as uploaded, resized to at most 512 px and re-encoded (PNG or JPEG in, PNG or WebP out). */
	logo: bytea('logo'),
	logoType: text('logo_type'),
	isDemo: boolean('is_demo').notNull().default(false),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** A network's thematic units and working groups: each exchange belongs to one. */
export const networkUnit = pgTable(
	'network_unit',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => network.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		position: integer('position').notNull(),
		name: jsonb('name').$type<LocalizedText>().notNull(),
		description: jsonb('description').$type<Partial<LocalizedText>>().notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('network_unit_slug').on(t.networkId, t.slug), index('network_unit_network_idx').on(t.networkId, t.position)]
);

export const SLUG_KINDS = ['network', 'event'] as const;

/** Addresses that last: every slug a network or an exchange had before, answered with a permanent redirect. */
export const slugRedirect = pgTable(
	'slug_redirect',
	{
		kind: text('kind', { enum: SLUG_KINDS }).notNull(),
		slug: text('slug').notNull(),
		targetId: uuid('target_id').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.kind, t.slug] })]
);
