import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { asActor, DomainError, inTransaction } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { assertCanManageEvent } from '../auth/index.ts';
import { hashToken, TOKEN_SHAPE } from '../private-links/index.ts';
import { eventSession } from '../events/schema.ts';
import { markCheckedIn, recordAttendedMinutes } from '../registrations/index.ts';
import { registration, registrationSession } from '../registrations/schema.ts';
import { attendanceUpload } from './schema.ts';
import { canCheckIn } from './rules.ts';
import { decodeReport, MAX_REPORT_BYTES, MAX_ROWS, parseMinutes, parseReport } from './report.ts';
import { normaliseEmail } from '../email.ts';

/** A confirmed registrant with a seat says "I am here" during the session (through their private link). */
export async function checkIn({ ctx, token, sessionId, now = new Date() }: { ctx: Ctx; token: string; sessionId: string; now?: Date }) {
	if (!TOKEN_SHAPE.test(token)) throw new DomainError('not_found', 'not_found');
	await inTransaction(ctx, async (tx) => {
		const [row] = await tx.db
			.select({ id: registration.id, status: registration.status, state: registrationSession.state, checkedInAt: registrationSession.checkedInAt, startsAt: eventSession.startsAt, endsAt: eventSession.endsAt })
			.from(registration)
			.innerJoin(registrationSession, and(eq(registrationSession.registrationId, registration.id), eq(registrationSession.sessionId, sessionId)))
			.innerJoin(eventSession, eq(eventSession.id, registrationSession.sessionId))
			.where(eq(registration.tokenHash, hashToken(token)));
		if (!row) throw new DomainError('not_found', 'not_found');
		const verdict = canCheckIn(row, row, now);
		if (verdict === 'no_seat') throw new DomainError('not_found', 'not_found');
		if (verdict === 'closed') throw new DomainError('conflict', 'check_in_closed');
		if (row.checkedInAt) return;
		const registrant = asActor(tx, { kind: 'registrant', registrationId: row.id });
		await markCheckedIn({ ctx: registrant, registrationId: row.id, sessionId, at: now });
		await recordAudit(registrant, { action: 'registration.checked_in', entity: 'registration', entityId: row.id, details: { sessionId } });
	});
}

/** Step 1: keep the uploaded report and show its columns and first rows. */
export async function uploadAttendanceReport({ ctx, eventId, sessionId, fileName, bytes }: { ctx: Ctx; eventId: string; sessionId: string; fileName: string; bytes: Uint8Array }) {
	assertCanManageEvent(ctx, eventId);
	if (bytes.length === 0) throw new DomainError('invalid', 'file_empty');
	if (bytes.length > MAX_REPORT_BYTES) throw new DomainError('invalid', 'report_too_big');
	const content = decodeReport(bytes);
	if (content.includes('\u0000')) throw new DomainError('invalid', 'report_unreadable');
	const head = parseReport(content, 6);
	if (head.length < 2 || head[0].length < 2) throw new DomainError('invalid', 'report_columns');
	const [session] = await ctx.db.select({ id: eventSession.id }).from(eventSession).where(and(eq(eventSession.id, sessionId), eq(eventSession.eventId, eventId)));
	if (!session) throw new DomainError('not_found', 'not_found');
	const [row] = await ctx.db.insert(attendanceUpload).values({ eventId, sessionId, fileName: fileName.slice(0, 200), content }).returning({ id: attendanceUpload.id });
	return row.id;
}

export interface ImportReport {
	rows: number;
	matched: number;
	unmatched: string[];
	rejected: { line: number; reason: 'email' | 'minutes' }[];
}

/**
 * Step 2: read the whole report with the chosen columns. Minutes of one address are added up
 * (people leave and come back); registrants of the session get them, anyone else is listed
 * as unmatched, and unreadable rows as rejected. The kept file is then deleted.
 */
export async function importAttendance({ ctx, eventId, uploadId, emailColumn, minutesColumn }: { ctx: Ctx; eventId: string; uploadId: string; emailColumn: number; minutesColumn: number }): Promise<ImportReport> {
	assertCanManageEvent(ctx, eventId);
	return inTransaction(ctx, async (tx) => {
		const [upload] = await tx.db.select().from(attendanceUpload).where(and(eq(attendanceUpload.id, uploadId), eq(attendanceUpload.eventId, eventId))).for('update');
		if (!upload) throw new DomainError('not_found', 'not_found');
		const records = parseReport(upload.content);
		const width = records[0]?.length ?? 0;
		if (![emailColumn, minutesColumn].every((c) => Number.isInteger(c) && c >= 0 && c < width) || emailColumn === minutesColumn) throw new DomainError('invalid', 'report_columns');
		if (records.length - 1 > MAX_ROWS) throw new DomainError('invalid', 'report_too_big');
		const minutesByEmail = new Map<string, number>();
		const rejected: ImportReport['rejected'] = [];
		records.slice(1).forEach((record, i) => {
			// The same normal form registrations store: either spelling of an international domain matches.
			const address = normaliseEmail(record[emailColumn] ?? '');
			const minutes = parseMinutes(record[minutesColumn] ?? '');
			if (!address.ok) rejected.push({ line: i + 2, reason: 'email' });
			else if (minutes === null) rejected.push({ line: i + 2, reason: 'minutes' });
			else minutesByEmail.set(address.email, (minutesByEmail.get(address.email) ?? 0) + minutes);
		});
		const emails = [...minutesByEmail.keys()];
		const registered = new Map<string, string>();
		for (let i = 0; i < emails.length; i += 1000) {
			const rows = await tx.db
				.select({ id: registration.id, email: registration.email })
				.from(registration)
				.innerJoin(registrationSession, and(eq(registrationSession.registrationId, registration.id), eq(registrationSession.sessionId, upload.sessionId)))
				.where(and(eq(registration.eventId, eventId), inArray(registration.email, emails.slice(i, i + 1000))));
			for (const r of rows) registered.set(r.email, r.id);
		}
		await recordAttendedMinutes({
			ctx: tx,
			sessionId: upload.sessionId,
			minutes: new Map([...registered].map(([email, id]) => [id, Math.min(minutesByEmail.get(email)!, 100_000)]))
		});
		await tx.db.delete(attendanceUpload).where(eq(attendanceUpload.id, uploadId));
		const report: ImportReport = {
			rows: records.length - 1,
			matched: registered.size,
			unmatched: emails.filter((e) => !registered.has(e)).sort(),
			rejected
		};
		await recordAudit(tx, {
			action: 'attendance.imported',
			entity: 'session',
			entityId: upload.sessionId,
			details: { eventId, file: upload.fileName, rows: report.rows, matched: report.matched, unmatched: report.unmatched.length, rejected: rejected.length }
		});
		return report;
	});
}
