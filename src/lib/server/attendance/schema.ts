import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { event, eventSession } from '../events/schema.ts';

/**
 * A meeting tool's attendance report, kept between the upload and the organiser's choice of
 * columns (so the two steps work without JavaScript and on any instance); deleted on import.
 */
export const attendanceUpload = pgTable('attendance_upload', {
	id: uuid('id').primaryKey().defaultRandom(),
	eventId: uuid('event_id')
		.notNull()
		.references(() => event.id, { onDelete: 'cascade' }),
	sessionId: uuid('session_id')
		.notNull()
		.references(() => eventSession.id, { onDelete: 'cascade' }),
	fileName: text('file_name').notNull(),
	content: text('content').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

