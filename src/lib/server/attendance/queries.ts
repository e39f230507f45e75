import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { assertCanManageEvent } from '../auth/index.ts';
import { eventSession } from '../events/schema.ts';
import { registrationSession, registrationSettings } from '../registrations/schema.ts';
import { attendanceUpload } from './schema.ts';
import { hasAttended } from './rules.ts';
import { guessColumns, parseReport } from './report.ts';

/** The columns and first rows of a kept report, with a guess of the columns to use. */
export async function attendancePreview(ctx: Ctx, { eventId, uploadId }: { eventId: string; uploadId: string }) {
	assertCanManageEvent(ctx, eventId);
	const [upload] = await ctx.db
		.select({ id: attendanceUpload.id, sessionId: attendanceUpload.sessionId, fileName: attendanceUpload.fileName, content: attendanceUpload.content })
		.from(attendanceUpload)
		.where(and(eq(attendanceUpload.id, uploadId), eq(attendanceUpload.eventId, eventId)));
	if (!upload) return null;
	const head = parseReport(upload.content, 6);
	return { id: upload.id, sessionId: upload.sessionId, fileName: upload.fileName, header: head[0], rows: head.slice(1), guess: guessColumns(head[0]) };
}

/**
 * The sessions a registrant attended: checked in, or present for at least the event's minimum
 * share of the session according to the imported report.
 */
export async function attendedSessions(ctx: Pick<Ctx, 'db'>, registrationId: string) {
	const rows = await ctx.db
		.select({
			sessionId: eventSession.id,
			startsAt: eventSession.startsAt,
			endsAt: eventSession.endsAt,
			checkedInAt: registrationSession.checkedInAt,
			minutes: registrationSession.attendedMinutes,
			minPercent: sql<number>`coalesce(${registrationSettings.minAttendancePercent}, 75)`
		})
		.from(registrationSession)
		.innerJoin(eventSession, eq(eventSession.id, registrationSession.sessionId))
		.leftJoin(registrationSettings, eq(registrationSettings.eventId, eventSession.eventId))
		.where(and(eq(registrationSession.registrationId, registrationId), eq(registrationSession.state, 'seat')));
	return rows.filter((r) => hasAttended(r, r.minPercent));
}
