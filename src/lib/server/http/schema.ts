import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Rate-limit counters (rate-limiter-flexible's Drizzle store), shared by every instance. */
export const rateLimit = pgTable('rate_limit', {
	key: text('key').primaryKey(),
	points: integer('points').notNull().default(0),
	expire: timestamp('expire', { withTimezone: true })
});
