import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, DomainError, type Actor, type Ctx } from '../context.ts';
import { anOrganiser, aStranger, testCtx } from '../testing/factories.ts';
import { outbox } from '../mail/schema.ts';
import { deleteRegistration, updateCertificateSettings } from '../registrations/index.ts';
import { confirmedRegistrant, demoExchangeWithSessions, registrationInput } from '../registrations/testing.ts';
import { checkIn, importAttendance, uploadAttendanceReport } from '../attendance/index.ts';
import { certificateByLink, certificateLink, certificatePdf, issueAttendeeCertificate, issueCertificate, verifyCertificate } from './index.ts';
import { registration, registrationSettings } from '../registrations/schema.ts';
import { certificate } from './schema.ts';

const organiser = anOrganiser();
const stranger = aStranger();
const BEFORE = new Date('2021-07-01T12:00:00Z');
const encode = (s: string) => new TextEncoder().encode(s);

describe.each(testDatabases())('certificates on $name', ({ open }) => {
	let database: Database;
	let eventId: string;
	let first: string; // 15 July 2021, 13:00–15:00 UTC
	const ctx = (actor: Actor = ANONYMOUS): Ctx => testCtx(database.db, actor, { origin: 'http://localhost:3000' });
	/** Register and confirm someone; returns their private token (read back from the mail). */
	const confirmed = (email: string, name?: string) =>
		confirmedRegistrant({ ctx: ctx(), eventId, now: BEFORE, input: registrationInput({ email, ...(name ? { name } : {}), sessionIds: [first] }) });

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

	it('gives a certificate to those who attended enough, verifiable by its code, and not to the others', async () => {
		await updateCertificateSettings({ ctx: ctx(organiser), eventId, input: { locale: 'es', text: 'Con el apoyo de la red.', signatories: 'María Pérez — Coordinación\nJoão Silva, Secretaría técnica', minAttendancePercent: 75 } });
		const ana = await confirmed('ana@example.org', 'Ana Pereira');
		const bo = await confirmed('bo@example.org', 'Bo Souza');
		const cy = await confirmed('cy@example.org', 'Cy Lima');
		await checkIn({ ctx: ctx(), token: ana, sessionId: first, now: new Date('2021-07-15T13:10:00Z') });
		// The session lasts 120 minutes: 90 is enough (75 %), 60 is not.
		const uploadId = await uploadAttendanceReport({ ctx: ctx(organiser), eventId, sessionId: first, fileName: 'r.csv', bytes: encode('email,minutes\nbo@example.org,90\ncy@example.org,60') });
		await importAttendance({ ctx: ctx(organiser), eventId, uploadId, emailColumn: 0, minutesColumn: 1 });

		const anaCert = await issueAttendeeCertificate({ ctx: ctx(), token: ana });
		expect([anaCert.name, anaCert.role, anaCert.minutes]).toEqual(['Ana Pereira', 'attendee', 120]);
		expect((await issueAttendeeCertificate({ ctx: ctx(), token: bo })).name).toBe('Bo Souza');
		await expect(issueAttendeeCertificate({ ctx: ctx(), token: cy })).rejects.toMatchObject({ messageKey: 'not_eligible' });
		// Asking again gives the same certificate (same code).
		expect((await issueAttendeeCertificate({ ctx: ctx(), token: ana })).code).toBe(anaCert.code);

		expect(await verifyCertificate(ctx(), anaCert.code.toLowerCase())).toMatchObject({ name: 'Ana Pereira', role: 'attendee' });
		expect(await verifyCertificate(ctx(), 'ABCDEFGHJK')).toBeNull();
		expect(await verifyCertificate(ctx(), "' or 1=1 --")).toBeNull();

		const pdf = await certificatePdf(ctx(), anaCert);
		const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
		expect(text).toContain('Ana Pereira');
		expect(text).toContain('asistente');
		expect(text).toContain('María Pérez');
		expect(text).toContain(`http://localhost:3000/certificates/verify/${anaCert.code}`);
		expect(text).toContain('Duración: 2 horas.');

		// Deleting one's registration deletes one's certificate too.
		await deleteRegistration({ ctx: ctx(), now: BEFORE, token: ana });
		expect(await verifyCertificate(ctx(), anaCert.code)).toBeNull();
	});

	it('lets organisers issue presenters and moderators a certificate, sent by mail with a private link', async () => {
		const issued = await issueCertificate({ ctx: ctx(organiser), eventId, input: { name: 'Rosa Díaz', email: 'Rosa@Example.org', role: 'presenter', locale: 'pt' } });
		const [mail] = await database.db.select().from(outbox).where(eq(outbox.template, 'certificate-issued'));
		expect(mail.recipient).toBe('rosa@example.org');
		const link = certificateLink(ctx(), issued);
		expect(mail.body).toContain(link);
		const [, id, token] = /\/certificates\/([0-9a-f-]{36})\/([A-Za-z0-9_-]{32})\//.exec(link)!;
		expect((await certificateByLink(ctx(), { id, token }))?.name).toBe('Rosa Díaz');
		expect(await certificateByLink(ctx(), { id, token: 'x'.repeat(32) })).toBeNull();
		expect(await verifyCertificate(ctx(), issued.code)).toMatchObject({ name: 'Rosa Díaz', role: 'presenter' });
		await expect(issueCertificate({ ctx: ctx(stranger), eventId, input: { name: 'X', email: 'x@x.org', role: 'moderator', locale: 'es' } })).rejects.toThrow(DomainError);
		// Any name prints as typed, beyond the accents of Spanish and Portuguese.
		const wide = await issueCertificate({ ctx: ctx(organiser), eventId, input: { name: 'Łucja Dąbrowska Ελένη Şahin', email: 'lucja@example.org', role: 'moderator', locale: 'pt' } });
		const { text } = await extractText(await getDocumentProxy(await certificatePdf(ctx(), wide)), { mergePages: true });
		expect(text).toContain('Łucja Dąbrowska Ελένη Şahin');
		expect(text).toContain('moderador/a');
	});
});
