import { parse } from 'csv-parse/sync';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/log.ts';
import { canManageEvent } from '../auth/rules.ts';
import { eventSession } from '../events/schema.ts';
import { attendanceUpload, registration, registrationSession, registrationSettings } from './schema.ts';
import { hashToken, TOKEN_SHAPE } from './tokens.ts';

/** Self check-in opens this long before a session starts, and closes when it ends. */
export const CHECK_IN_EARLY_MINUTES = 15;
/** An attendance report larger than this is refused (a meeting's report is a few hundred kilobytes). */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 50_000;

/** A confirmed registrant with a seat says "I am here" during the session. */
export async function checkIn({ db, token, sessionId, now = new Date() }: { db: Db; token: string; sessionId: string; now?: Date }) {
	if (!TOKEN_SHAPE.test(token)) throw new DomainError('not_found', 'not_found');
	await db.transaction(async (tx) => {
		const [row] = await tx
			.select({ id: registration.id, status: registration.status, state: registrationSession.state, checkedInAt: registrationSession.checkedInAt, startsAt: eventSession.startsAt, endsAt: eventSession.endsAt })
			.from(registration)
			.innerJoin(registrationSession, and(eq(registrationSession.registrationId, registration.id), eq(registrationSession.sessionId, sessionId)))
			.innerJoin(eventSession, eq(eventSession.id, registrationSession.sessionId))
			.where(eq(registration.tokenHash, hashToken(token)));
		if (!row || row.status !== 'confirmed' || row.state !== 'seat') throw new DomainError('not_found', 'not_found');
		if (now.getTime() < row.startsAt.getTime() - CHECK_IN_EARLY_MINUTES * 60_000 || now >= row.endsAt) throw new DomainError('conflict', 'check_in_closed');
		if (row.checkedInAt) return;
		await tx.update(registrationSession).set({ checkedInAt: now }).where(and(eq(registrationSession.registrationId, row.id), eq(registrationSession.sessionId, sessionId)));
		await recordAudit(tx, null, { action: 'registration.checked_in', entity: 'registration', entityId: row.id, details: { sessionId } });
	});
}

/** Whether check-in is open for a session at this moment. */
export const checkInOpen = (s: { startsAt: Date; endsAt: Date }, now: Date) => now.getTime() >= s.startsAt.getTime() - CHECK_IN_EARLY_MINUTES * 60_000 && now < s.endsAt;

function assertCanManage(ctx: Ctx, eventId: string) {
	if (!canManageEvent(ctx.actor, eventId)) throw new DomainError('forbidden', 'forbidden');
}

/** The separator the header line uses most: comma, semicolon (decimal commas) or tab. */
export function detectDelimiter(content: string): string {
	const header = content.slice(0, content.search(/\r?\n|$/));
	const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
	return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Reports come from many tools: comma, semicolon or tab separated, with or without a BOM. */
function parseReport(content: string, toLine?: number): string[][] {
	try {
		return parse(content, {
			delimiter: detectDelimiter(content),
			bom: true,
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: true,
			trim: true,
			to_line: toLine,
			max_record_size: 10_000
		}) as string[][];
	} catch {
		throw new DomainError('invalid', 'report_unreadable');
	}
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Guess which columns hold the address and the minutes from their names (Zoom, Meet, Teams, Jitsi…). */
export function guessColumns(header: string[]): { email: number; minutes: number } {
	const norm = header.map((h) => h.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
	const email = norm.findIndex((h) => /e-?mail|correo/.test(h));
	const minutes = norm.findIndex((h) => /minut|duration|duracion|duracao|tiempo|tempo/.test(h));
	return { email, minutes };
}

/** Step 1: keep the uploaded report and show its columns and first rows. */
export async function uploadAttendanceReport({ ctx, eventId, sessionId, fileName, bytes }: { ctx: Ctx; eventId: string; sessionId: string; fileName: string; bytes: Uint8Array }) {
	assertCanManage(ctx, eventId);
	if (bytes.length === 0) throw new DomainError('invalid', 'file_empty');
	if (bytes.length > MAX_REPORT_BYTES) throw new DomainError('invalid', 'report_too_big');
	let content: string;
	try {
		content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// Some tools still write Latin-1.
		content = new TextDecoder('latin1').decode(bytes);
	}
	if (content.includes('\u0000')) throw new DomainError('invalid', 'report_unreadable');
	const head = parseReport(content, 6);
	if (head.length < 2 || head[0].length < 2) throw new DomainError('invalid', 'report_columns');
	const [session] = await ctx.db.select({ id: eventSession.id }).from(eventSession).where(and(eq(eventSession.id, sessionId), eq(eventSession.eventId, eventId)));
	if (!session) throw new DomainError('not_found', 'not_found');
	const [row] = await ctx.db.insert(attendanceUpload).values({ eventId, sessionId, fileName: fileName.slice(0, 200), content }).returning({ id: attendanceUpload.id });
	return row.id;
}

/** The columns and first rows of a kept report, with a guess of the columns to use. */
export async function attendancePreview(ctx: Ctx, eventId: string, uploadId: string) {
	assertCanManage(ctx, eventId);
	const [upload] = await ctx.db.select().from(attendanceUpload).where(and(eq(attendanceUpload.id, uploadId), eq(attendanceUpload.eventId, eventId)));
	if (!upload) return null;
	const head = parseReport(upload.content, 6);
	return { id: upload.id, sessionId: upload.sessionId, fileName: upload.fileName, header: head[0], rows: head.slice(1), guess: guessColumns(head[0]) };
}

/** "45", "45.5", "45,5" or "1:05:00" (h:mm:ss) → minutes; null when it is none of these. */
export function parseMinutes(value: string): number | null {
	const v = value.trim();
	if (/^\d{1,6}([.,]\d+)?$/.test(v)) return Math.round(Number(v.replace(',', '.')));
	const hms = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(v);
	if (hms) return Number(hms[1]) * 60 + Number(hms[2]) + (hms[3] ? Math.round(Number(hms[3]) / 60) : 0);
	return null;
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
	assertCanManage(ctx, eventId);
	return ctx.db.transaction(async (tx) => {
		const [upload] = await tx.select().from(attendanceUpload).where(and(eq(attendanceUpload.id, uploadId), eq(attendanceUpload.eventId, eventId))).for('update');
		if (!upload) throw new DomainError('not_found', 'not_found');
		const records = parseReport(upload.content);
		const width = records[0]?.length ?? 0;
		if (![emailColumn, minutesColumn].every((c) => Number.isInteger(c) && c >= 0 && c < width) || emailColumn === minutesColumn) throw new DomainError('invalid', 'report_columns');
		if (records.length - 1 > MAX_ROWS) throw new DomainError('invalid', 'report_too_big');
		const minutesByEmail = new Map<string, number>();
		const rejected: ImportReport['rejected'] = [];
		records.slice(1).forEach((record, i) => {
			const email = (record[emailColumn] ?? '').trim().toLowerCase();
			const minutes = parseMinutes(record[minutesColumn] ?? '');
			if (!EMAIL.test(email) || email.length > 254) rejected.push({ line: i + 2, reason: 'email' });
			else if (minutes === null) rejected.push({ line: i + 2, reason: 'minutes' });
			else minutesByEmail.set(email, (minutesByEmail.get(email) ?? 0) + minutes);
		});
		const emails = [...minutesByEmail.keys()];
		const registered = new Map<string, string>();
		for (let i = 0; i < emails.length; i += 1000) {
			const rows = await tx
				.select({ id: registration.id, email: registration.email })
				.from(registration)
				.innerJoin(registrationSession, and(eq(registrationSession.registrationId, registration.id), eq(registrationSession.sessionId, upload.sessionId)))
				.where(and(eq(registration.eventId, eventId), inArray(registration.email, emails.slice(i, i + 1000))));
			for (const r of rows) registered.set(r.email, r.id);
		}
		for (const [email, id] of registered) {
			await tx
				.update(registrationSession)
				.set({ attendedMinutes: Math.min(minutesByEmail.get(email)!, 100_000) })
				.where(and(eq(registrationSession.registrationId, id), eq(registrationSession.sessionId, upload.sessionId)));
		}
		await tx.delete(attendanceUpload).where(eq(attendanceUpload.id, uploadId));
		const report: ImportReport = {
			rows: records.length - 1,
			matched: registered.size,
			unmatched: emails.filter((e) => !registered.has(e)).sort(),
			rejected
		};
		await recordAudit(tx, ctx.actor, {
			action: 'attendance.imported',
			entity: 'session',
			entityId: upload.sessionId,
			details: { eventId, file: upload.fileName, rows: report.rows, matched: report.matched, unmatched: report.unmatched.length, rejected: rejected.length }
		});
		return report;
	});
}

/**
 * The sessions a registrant attended: checked in, or present for at least the event's minimum
 * share of the session according to the imported report.
 */
export async function attendedSessions(db: Db, registrationId: string) {
	const rows = await db
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
	return rows.filter((r) => {
		const length = (r.endsAt.getTime() - r.startsAt.getTime()) / 60_000;
		return r.checkedInAt !== null || (r.minutes ?? 0) >= (length * r.minPercent) / 100;
	});
}
