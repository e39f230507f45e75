import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, DomainError, type Actor, type Ctx } from '../context.ts';
import { anOrganiser, aStranger, testCtx } from '../testing/factories.ts';
import { outbox } from '../mail/schema.ts';
import { confirmedRegistrant, demoExchangeWithSessions, registrationInput } from '../registrations/testing.ts';
import { attendancePreview, checkIn, importAttendance, parseMinutes, uploadAttendanceReport } from './index.ts';
import { registration, registrationSession, registrationSettings } from '../registrations/schema.ts';
import { certificate } from '../certificates/schema.ts';

const organiser = anOrganiser();
const stranger = aStranger();
const BEFORE = new Date('2021-07-01T12:00:00Z');
const encode = (s: string) => new TextEncoder().encode(s);

describe.each(testDatabases())('attendance on $name', ({ open }) => {
	let database: Database;
	let eventId: string;
	let first: string; // 15 July 2021, 13:00–15:00 UTC
	const ctx = (actor: Actor = ANONYMOUS): Ctx => testCtx(database.db, actor, { origin: 'http://localhost:3000' });
	/** Register and confirm someone; returns their private token (read back from the mail). */
	const confirmed = (email: string, name?: string) =>
		confirmedRegistrant({ ctx: ctx(), eventId, now: BEFORE, input: registrationInput({ email, ...(name ? { name } : {}), sessionIds: [first] }) });
	const minutesOf = async (email: string) => {
		const [row] = await database.db
			.select({ minutes: registrationSession.attendedMinutes })
			.from(registrationSession)
			.innerJoin(registration, eq(registration.id, registrationSession.registrationId))
			.where(eq(registration.email, email));
		return row?.minutes ?? null;
	};

	beforeAll(async () => {
		database = await open();
		({ eventId, sessionIds: [first] } = await demoExchangeWithSessions(database.db));
	});
	afterAll(() => database?.close());
	beforeEach(async () => {
		await database.db.delete(certificate);
		await database.db.delete(registration);
		await database.db.delete(outbox);
		await database.db.delete(registrationSettings);
	});

	it('lets a confirmed registrant check in only during the session window', async () => {
		const token = await confirmed('ana@example.org');
		await expect(checkIn({ ctx: ctx(), token, sessionId: first, now: new Date('2021-07-15T12:30:00Z') })).rejects.toMatchObject({ messageKey: 'check_in_closed' });
		await checkIn({ ctx: ctx(), token, sessionId: first, now: new Date('2021-07-15T12:50:00Z') });
		await expect(checkIn({ ctx: ctx(), token, sessionId: first, now: new Date('2021-07-15T15:00:00Z') })).rejects.toMatchObject({ messageKey: 'check_in_closed' });
		const [row] = await database.db.select({ at: registrationSession.checkedInAt }).from(registrationSession);
		expect(row.at?.toISOString()).toBe('2021-07-15T12:50:00.000Z');
	});

	it('imports a report: maps the columns, adds up the minutes per address, and reports matched, unmatched and rejected rows', async () => {
		await confirmed('ana@example.org');
		await confirmed('bo@example.org');
		const csv = [
			'\uFEFFNombre;Correo electrónico;Hora de entrada;Duración (minutos)',
			'Ana;ANA@example.org;10:00;60',
			'Ana;ana@example.org;11:10;45,5',
			'Bo;bo@example.org;10:05;1:10:00',
			'Nadie;nadie@example.org;10:00;30',
			'=HYPERLINK("http://evil");not-an-email;10:00;30',
			'Cero;cero@example.org;10:00;mucho'
		].join('\r\n');
		const uploadId = await uploadAttendanceReport({ ctx: ctx(organiser), eventId, sessionId: first, fileName: 'zoom.csv', bytes: encode(csv) });
		const preview = await attendancePreview(ctx(organiser), { eventId, uploadId });
		expect(preview?.header).toEqual(['Nombre', 'Correo electrónico', 'Hora de entrada', 'Duración (minutos)']);
		expect(preview?.guess).toEqual({ email: 1, minutes: 3 });
		expect(preview?.rows.length).toBe(5);
		const report = await importAttendance({ ctx: ctx(organiser), eventId, uploadId, emailColumn: 1, minutesColumn: 3 });
		expect(report).toEqual({ rows: 6, matched: 2, unmatched: ['nadie@example.org'], rejected: [{ line: 6, reason: 'email' }, { line: 7, reason: 'minutes' }] });
		expect([await minutesOf('ana@example.org'), await minutesOf('bo@example.org')]).toEqual([106, 70]);
		// The kept file is gone once imported.
		await expect(importAttendance({ ctx: ctx(organiser), eventId, uploadId, emailColumn: 1, minutesColumn: 3 })).rejects.toMatchObject({ code: 'not_found' });
	});

	it('refuses hostile or broken reports with a reason, and people who are not organisers', async () => {
		const upload = (bytes: Uint8Array, actor: Actor = organiser) => uploadAttendanceReport({ ctx: ctx(actor), eventId, sessionId: first, fileName: 'x.csv', bytes });
		await expect(upload(encode(''))).rejects.toMatchObject({ messageKey: 'file_empty' });
		await expect(upload(new Uint8Array(5 * 1024 * 1024 + 1).fill(65))).rejects.toMatchObject({ messageKey: 'report_too_big' });
		await expect(upload(encode('solo una columna\nfila'))).rejects.toMatchObject({ messageKey: 'report_columns' });
		await expect(upload(encode('a,"b\n1,2'))).rejects.toMatchObject({ messageKey: 'report_unreadable' });
		await expect(upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).rejects.toMatchObject({ messageKey: 'report_unreadable' });
		await expect(upload(encode('email,minutes\na@b.org,5'), stranger)).rejects.toThrow(DomainError);
		const uploadId = await upload(encode('email,minutes\na@b.org,5'));
		await expect(importAttendance({ ctx: ctx(organiser), eventId, uploadId, emailColumn: 0, minutesColumn: 0 })).rejects.toMatchObject({ messageKey: 'report_columns' });
		await expect(importAttendance({ ctx: ctx(organiser), eventId, uploadId, emailColumn: 0, minutesColumn: 7 })).rejects.toMatchObject({ messageKey: 'report_columns' });
		expect([parseMinutes('45'), parseMinutes('45.6'), parseMinutes('1:05'), parseMinutes('0:59:40'), parseMinutes('=1+1'), parseMinutes('')]).toEqual([45, 46, 65, 60, null, null]);
	});

});
