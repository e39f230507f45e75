import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq, like } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, DomainError, type Actor, type Ctx } from '../context.ts';
import { anOrganiser, aStranger, testCtx, TEST_ENV } from '../testing/factories.ts';
import { event, eventSession } from '../events/schema.ts';
import { outbox } from '../mail/schema.ts';
import { auditLog } from '../audit/schema.ts';
import {
	addSessionToRegistration,
	expireUnconfirmed,
	cancelRegistration,
	changeSessionCapacity,
	confirmRegistration,
	deleteRegistration,
	dropSessionFromRegistration,
	listRegistrations,
	queueDueReminders,
	register,
	registrationByToken,
	registrationData,
	registrationStats,
	reminderTime,
	dueReminder,
	sessionAvailability,
	updateRegistrationDetails,
	updateRegistrationSettings,
	parseRegistration,
	type RegistrationInput
} from './index.ts';
import { ERASED, MAIL_CAPS } from '../mail/index.ts';
import { registration, registrationSession, registrationSettings } from './schema.ts';
import { demoExchangeWithSessions, registrationInput, tokenFromMail } from './testing.ts';

const organiser = anOrganiser();
const stranger = aStranger();
// Two weeks before the demo exchange's first session (15 July 2021, 10:00 in Montevideo).
const BEFORE = new Date('2021-07-01T12:00:00Z');

describe.each(testDatabases())('registrations on $name', ({ open }) => {
	let database: Database;
	let eventId: string;
	let first: string; // session ids of the demo exchange
	let second: string;
	const ctx = (actor: Actor = ANONYMOUS, overrides: Partial<Omit<Ctx, 'db' | 'actor'>> = {}): Ctx => testCtx(database.db, actor, overrides);
	const input = (overrides: Partial<RegistrationInput> = {}): RegistrationInput =>
		registrationInput({ geonamesId: 3441575, role: 'Planificadora', sessionIds: [first], ...overrides });
	const mails = (template: string) => database.db.select().from(outbox).where(eq(outbox.template, template));

	beforeAll(async () => {
		database = await open();
		({ eventId, sessionIds: [first, second] } = await demoExchangeWithSessions(database.db));
	});
	afterAll(() => database?.close());
	beforeEach(async () => {
		await database.db.delete(registration);
		await database.db.delete(outbox);
		await database.db.delete(registrationSettings);
		await database.db.update(eventSession).set({ capacity: null, joinUrl: null });
	});

	it('holds a seat until the person confirms from the link in the mail, then confirms it', async () => {
		const { outcome } = await register({ ctx: ctx(), now: BEFORE, eventId, input: input({ sessionIds: [first, second] }) });
		expect(outcome).toBe('created');
		const [mail] = await mails('registration-confirm');
		expect(mail.recipient).toBe('ana@example.org');
		expect(mail.body).toContain('plaza reservada hasta que confirmes');
		// The time in the event's zone is in the mail.
		expect(mail.body).toContain('10:00');
		const token = await tokenFromMail(database.db, 'ana@example.org');
		expect((await registrationByToken(ctx(), token))?.status).toBe('pending');
		expect(await confirmRegistration({ ctx: ctx(), now: BEFORE, token })).toEqual({ alreadyConfirmed: false });
		const page = await registrationByToken(ctx(), token);
		expect(page?.status).toBe('confirmed');
		expect(page?.sessions.map((s) => s.state)).toEqual(['seat', 'seat']);
		expect((await mails('registration-confirmed')).length).toBe(1);
		// Confirming twice changes nothing and sends nothing more.
		expect(await confirmRegistration({ ctx: ctx(), now: BEFORE, token })).toEqual({ alreadyConfirmed: true });
		expect((await mails('registration-confirmed')).length).toBe(1);
	});

	it('keeps one registration per address: a new form for it changes nothing, pending or confirmed', async () => {
		// Ana holds the only seat of the first session; Bo waits for it.
		await changeSessionCapacity({ ctx: ctx(organiser), now: BEFORE, eventId, sessionId: first, capacity: 1 });
		const { registrationId } = await register({ ctx: ctx(), now: BEFORE, eventId, input: input() });
		await register({ ctx: ctx(), now: BEFORE, eventId, input: input({ email: 'bo@example.org' }) });
		const snapshot = async () => ({
			row: (await database.db.select().from(registration).where(eq(registration.id, registrationId)))[0],
			places: await database.db.select({ sessionId: registrationSession.sessionId, state: registrationSession.state }).from(registrationSession).orderBy(asc(registrationSession.sessionId))
		});
		const before = await snapshot();

		// Someone else types Ana's address (in another case) with their own details and sessions.
		const taken = await register({ ctx: ctx(), now: BEFORE, eventId, input: input({ email: 'ANA@example.org ', name: 'Mallory', institution: 'Otra', sessionIds: [second] }) });
		expect(taken).toEqual({ outcome: 'already_pending', registrationId });
		expect(await snapshot()).toEqual(before);
		expect(before.places.filter((p) => p.state === 'seat')).toHaveLength(1);
		// Within minutes nothing more is mailed; later only the confirmation link goes to Ana again.
		expect((await mails('registration-confirm')).filter((m) => m.recipient === 'ana@example.org')).toHaveLength(1);
		const later = new Date(BEFORE.getTime() + 21 * 60_000);
		await register({ ctx: ctx(), now: later, eventId, input: input({ name: 'Mallory', sessionIds: [second] }) });
		const resent = (await mails('registration-confirm')).filter((m) => m.recipient === 'ana@example.org');
		expect(resent).toHaveLength(2);
		expect(resent[1].body).toContain('Ana Pereira');
		expect(resent[1].body).not.toContain('Mallory');
		expect(await snapshot()).toEqual(before);

		const token = await tokenFromMail(database.db, 'ana@example.org');
		await confirmRegistration({ ctx: ctx(), now: BEFORE, token });
		const third = await register({ ctx: ctx(), now: BEFORE, eventId, input: input({ name: 'Someone else', sessionIds: [first] }) });
		expect(third.outcome).toBe('already_confirmed');
		const [row] = await database.db.select().from(registration).where(eq(registration.id, registrationId));
		expect([row.name, row.institution, row.status]).toEqual(['Ana Pereira', 'Intendencia', 'confirmed']);
		expect((await mails('registration-again')).length).toBe(1);
	});

	it('sends one mail for the same form posted many times at once', async () => {
		const results = await Promise.allSettled(Array.from({ length: 8 }, () => register({ ctx: ctx(), now: BEFORE, eventId, input: input() })));
		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		expect((await mails('registration-confirm')).map((m) => m.recipient)).toEqual(['ana@example.org']);
		// And once confirmed, the same again: one "you are registered" mail.
		await confirmRegistration({ ctx: ctx(), now: BEFORE, token: await tokenFromMail(database.db, 'ana@example.org') });
		await Promise.all(Array.from({ length: 8 }, () => register({ ctx: ctx(), now: BEFORE, eventId, input: input() })));
		expect(await mails('registration-again')).toHaveLength(1);
	});

	it('knows an address with an international domain in either spelling as one person', async () => {
		const { registrationId } = await register({ ctx: ctx(), now: BEFORE, eventId, input: input({ email: 'ana@münchen.de' }) });
		expect((await register({ ctx: ctx(), now: BEFORE, eventId, input: input({ email: 'Ana@XN--MNCHEN-3YA.DE' }) })).registrationId).toBe(registrationId);
		expect((await database.db.select({ email: registration.email }).from(registration)).map((r) => r.email)).toEqual(['ana@xn--mnchen-3ya.de']);
		expect((await mails('registration-confirm')).map((m) => m.recipient)).toEqual(['ana@xn--mnchen-3ya.de']);
		// The form gives the same address for both spellings.
		const form = { name: 'Ana Pereira', country: 'UY', city: '', institution: '', institutionType: 'academia', role: '', timeZone: 'America/Montevideo', locale: 'es', sessions: first, consent: 'on' };
		expect(parseRegistration({ ...form, email: 'ana@münchen.de' }).value?.email).toBe('ana@xn--mnchen-3ya.de');
		expect(parseRegistration({ ...form, email: 'ana@xn--mnchen-3ya.de' }).value?.email).toBe('ana@xn--mnchen-3ya.de');
		expect(parseRegistration({ ...form, email: 'josé@correo.españa.es' }).errors.email).toBe('email_local_ascii');
	});

	it('refuses a form once its address got too many mails this hour, and changes nothing', async () => {
		const { registrationId } = await register({ ctx: ctx(), now: BEFORE, eventId, input: input() });
		// Far enough apart, each post re-sends the confirmation link, up to the cap per recipient.
		for (let i = 1; i < MAIL_CAPS.perRecipient; i++) await register({ ctx: ctx(), now: new Date(BEFORE.getTime() + i * 21 * 60_000), eventId, input: input() });
		expect(await mails('registration-confirm')).toHaveLength(MAIL_CAPS.perRecipient);
		await expect(register({ ctx: ctx(), now: new Date(BEFORE.getTime() + 120 * 60_000), eventId, input: input() })).rejects.toMatchObject({ messageKey: 'mail_too_many' });
		expect(await mails('registration-confirm')).toHaveLength(MAIL_CAPS.perRecipient);
		expect((await database.db.select({ id: registration.id }).from(registration)).map((r) => r.id)).toEqual([registrationId]);
		// Other addresses are not held back by it.
		expect((await register({ ctx: ctx(), now: BEFORE, eventId, input: input({ email: 'bo@example.org' }) })).outcome).toBe('created');
	});

	it('never makes two rows for one address under parallel submissions', async () => {
		const results = await Promise.allSettled(
			Array.from({ length: 12 }, (_, i) => register({ ctx: ctx(), now: BEFORE, eventId, input: input({ name: `Ana ${i}` }) }))
		);
		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		expect((await database.db.select().from(registration)).length).toBe(1);
		expect((await database.db.select().from(registrationSession)).length).toBe(1);
	});

	it('puts people on the waiting list when a session is full and gives a freed seat to the first in line', async () => {
		await changeSessionCapacity({ ctx: ctx(organiser), now: BEFORE, eventId, sessionId: first, capacity: 2 });
		for (const who of ['a', 'b', 'c', 'd']) {
			await register({ ctx: ctx(), now: new Date(BEFORE.getTime() + who.charCodeAt(0) * 1000), eventId, input: input({ email: `${who}@example.org` }) });
		}
		const state = async (email: string) => {
			const [r] = await database.db
				.select({ state: registrationSession.state })
				.from(registrationSession)
				.innerJoin(registration, eq(registration.id, registrationSession.registrationId))
				.where(eq(registration.email, email));
			return r?.state ?? null;
		};
		expect([await state('a@example.org'), await state('b@example.org'), await state('c@example.org'), await state('d@example.org')]).toEqual(['seat', 'seat', 'waitlist', 'waitlist']);
		const [cMail] = await database.db.select().from(outbox).where(eq(outbox.recipient, 'c@example.org'));
		expect(cMail.body).toContain('en lista de espera');
		expect((await sessionAvailability(ctx(), eventId)).get(first)).toEqual({ capacity: 2, seats: 2, waiting: 2, full: true });

		// a cancels: c (first in line) gets the seat and a mail; d keeps waiting.
		await cancelRegistration({ ctx: ctx(), now: BEFORE, token: await tokenFromMail(database.db, 'a@example.org') });
		expect([await state('a@example.org'), await state('c@example.org'), await state('d@example.org')]).toEqual([null, 'seat', 'waitlist']);
		const given = await mails('registration-seat-given');
		expect(given.map((m) => m.recipient)).toEqual(['c@example.org']);

		// More room moves the list at once; less room never takes a seat away.
		expect(await changeSessionCapacity({ ctx: ctx(organiser), now: BEFORE, eventId, sessionId: first, capacity: 3 })).toBe(1);
		expect(await state('d@example.org')).toBe('seat');
		await changeSessionCapacity({ ctx: ctx(organiser), now: BEFORE, eventId, sessionId: first, capacity: 1 });
		expect([await state('b@example.org'), await state('c@example.org'), await state('d@example.org')]).toEqual(['seat', 'seat', 'seat']);
		await expect(changeSessionCapacity({ ctx: ctx(stranger), now: BEFORE, eventId, sessionId: first, capacity: 10 })).rejects.toThrow(DomainError);
	});

	it('never gives more seats than the capacity under parallel registrations', async () => {
		await changeSessionCapacity({ ctx: ctx(organiser), now: BEFORE, eventId, sessionId: first, capacity: 5 });
		await Promise.all(Array.from({ length: 20 }, (_, i) => register({ ctx: ctx(), now: BEFORE, eventId, input: input({ email: `p${i}@example.org` }) })));
		const seats = await database.db.select().from(registrationSession).where(eq(registrationSession.state, 'seat'));
		const waiting = await database.db.select().from(registrationSession).where(eq(registrationSession.state, 'waitlist'));
		expect([seats.length, waiting.length]).toEqual([5, 15]);
	});

	it('lets a registrant add and drop sessions, but not drop the last one', async () => {
		await register({ ctx: ctx(), now: BEFORE, eventId, input: input() });
		const token = await tokenFromMail(database.db, 'ana@example.org');
		expect(await addSessionToRegistration({ ctx: ctx(), now: BEFORE, token, sessionId: second })).toBe('seat');
		await dropSessionFromRegistration({ ctx: ctx(), now: BEFORE, token, sessionId: first });
		const page = await registrationByToken(ctx(), token);
		expect(page?.sessions.map((s) => s.state)).toEqual([null, 'seat']);
		await expect(dropSessionFromRegistration({ ctx: ctx(), now: BEFORE, token, sessionId: second })).rejects.toMatchObject({ messageKey: 'last_session' });
		await updateRegistrationDetails({ ctx: ctx(), now: BEFORE, token, details: { ...input(), name: 'Ana María', locale: 'pt', timeZone: 'Europe/Lisbon' } });
		expect((await registrationByToken(ctx(), token))?.name).toBe('Ana María');
	});

	it('shows the join link only to a confirmed registrant holding a seat in that session', async () => {
		await database.db.update(eventSession).set({ joinUrl: 'https://meet.example.org/sesion-1' }).where(eq(eventSession.id, first));
		await changeSessionCapacity({ ctx: ctx(organiser), now: BEFORE, eventId, sessionId: first, capacity: 1 });
		await register({ ctx: ctx(), now: BEFORE, eventId, input: input() });
		await register({ ctx: ctx(), now: BEFORE, eventId, input: input({ email: 'waits@example.org' }) });
		const ana = await tokenFromMail(database.db, 'ana@example.org');
		const waits = await tokenFromMail(database.db, 'waits@example.org');
		expect((await registrationByToken(ctx(), ana))?.sessions[0].joinUrl).toBeNull();
		await confirmRegistration({ ctx: ctx(), now: BEFORE, token: ana });
		await confirmRegistration({ ctx: ctx(), now: BEFORE, token: waits });
		expect((await registrationByToken(ctx(), ana))?.sessions[0].joinUrl).toBe('https://meet.example.org/sesion-1');
		expect((await registrationByToken(ctx(), waits))?.sessions[0].joinUrl).toBeNull();
		const sent = await database.db.select({ body: outbox.body }).from(outbox);
		expect(sent.some((m) => m.body.includes('meet.example.org'))).toBe(false);
	});

	it('erases personal data on deletion, keeps the registration in the statistics, and kills the link', async () => {
		await register({ ctx: ctx(), now: BEFORE, eventId, input: input() });
		await register({ ctx: ctx(), now: BEFORE, eventId, input: input({ email: 'bo@example.org', country: 'BR' }) });
		const token = await tokenFromMail(database.db, 'ana@example.org');
		const data = await registrationData(ctx(), token);
		expect(data).toMatchObject({ email: 'ana@example.org', name: 'Ana Pereira', country: 'UY', status: 'pending', consent: { version: 1 } });
		const [anaMail] = await database.db.select().from(outbox).where(eq(outbox.recipient, 'ana@example.org'));
		await deleteRegistration({ ctx: ctx(), now: BEFORE, token });
		expect(await registrationByToken(ctx(), token)).toBeNull();
		// Their mails are erased too; what was sent when stays for the delivery figures.
		const [erased] = await database.db.select().from(outbox).where(eq(outbox.id, anaMail.id));
		expect(erased).toMatchObject({ recipient: ERASED, subject: '', body: '', payload: {}, template: 'registration-confirm', state: anaMail.state, createdAt: anaMail.createdAt });
		expect((await database.db.select().from(outbox)).filter((m) => m.recipient !== 'bo@example.org').every((m) => m.recipient === ERASED && m.body === '')).toBe(true);
		expect((await database.db.select().from(outbox).where(eq(outbox.recipient, 'bo@example.org'))).length).toBe(1);
		const [row] = await database.db.select().from(registration).where(eq(registration.country, 'UY'));
		expect([row.name, row.email.startsWith('deleted:'), row.institution, row.status]).toEqual(['', true, '', 'deleted']);
		const list = await listRegistrations(ctx(organiser), { eventId, sort: 'newest', limit: 50, offset: 0 });
		expect(list.rows.map((r) => r.email)).toEqual(['bo@example.org']);
		const stats = await registrationStats(ctx(organiser), eventId);
		expect(stats.statusCounts).toEqual({ pending: 1, confirmed: 0, cancelled: 0, deleted: 1 });
		await expect(listRegistrations(ctx(stranger), { eventId, sort: 'newest', limit: 50, offset: 0 })).rejects.toThrow(DomainError);
		await expect(registrationStats(ctx(stranger), eventId)).rejects.toThrow(DomainError);
		// A cancelled person may register again with the same address.
		const bo = await tokenFromMail(database.db, 'bo@example.org');
		await cancelRegistration({ ctx: ctx(), now: BEFORE, token: bo });
		expect((await register({ ctx: ctx(), now: BEFORE, eventId, input: input({ email: 'bo@example.org' }) })).outcome).toBe('renewed');
	});

	it('refuses registrations outside the window set by organisers and after the sessions', async () => {
		await updateRegistrationSettings({ ctx: ctx(organiser), eventId, input: { locale: 'es', opensAt: '2021-07-02T09:00', closesAt: '2021-07-14T18:00', privacyText: 'Texto', reminders: '1440, 60', holdHours: '' } });
		await expect(register({ ctx: ctx(), now: BEFORE, eventId, input: input() })).rejects.toMatchObject({ messageKey: 'registration_not_yet' });
		await expect(register({ ctx: ctx(), now: new Date('2021-07-14T21:00:00Z'), eventId, input: input() })).rejects.toMatchObject({ messageKey: 'registration_closed' });
		expect((await register({ ctx: ctx(), now: new Date('2021-07-10T12:00:00Z'), eventId, input: input() })).outcome).toBe('created');
		await updateRegistrationSettings({ ctx: ctx(organiser), eventId, input: { locale: 'es', opensAt: '', closesAt: '', privacyText: 'Texto nuevo', reminders: '1440, 60', holdHours: '' } });
		await expect(register({ ctx: ctx(), now: new Date('2021-08-01T00:00:00Z'), eventId, input: input({ email: 'late@example.org' }) })).rejects.toMatchObject({ messageKey: 'registration_over' });
		// The second session is still ahead on 20 July, the first is over.
		await expect(register({ ctx: ctx(), now: new Date('2021-07-20T00:00:00Z'), eventId, input: input({ email: 'late@example.org' }) })).rejects.toMatchObject({ messageKey: 'session_over' });
		// Consent records the privacy text's version (it changed once).
		await register({ ctx: ctx(), now: new Date('2021-07-20T00:00:00Z'), eventId, input: input({ email: 'late@example.org', sessionIds: [second] }) });
		const [late] = await database.db.select().from(registration).where(eq(registration.email, 'late@example.org'));
		expect(late.consentVersion).toBe(2);
	});

	it('sends each reminder once, the day before and the hour before, to confirmed seats only', async () => {
		await database.db.update(eventSession).set({ joinUrl: 'https://meet.example.org/s1' }).where(eq(eventSession.id, first));
		await changeSessionCapacity({ ctx: ctx(organiser), now: BEFORE, eventId, sessionId: first, capacity: 2 });
		for (const who of ['a', 'b', 'c']) await register({ ctx: ctx(), now: BEFORE, eventId, input: input({ email: `${who}@example.org`, timeZone: 'Europe/Madrid', locale: who === 'b' ? 'pt' : 'es' }) });
		await confirmRegistration({ ctx: ctx(), now: BEFORE, token: await tokenFromMail(database.db, 'a@example.org') });
		await confirmRegistration({ ctx: ctx(), now: BEFORE, token: await tokenFromMail(database.db, 'c@example.org') }); // waiting list
		// b never confirms.
		const start = new Date('2021-07-15T13:00:00Z');
		const at = (ms: number) => new Date(start.getTime() - ms);
		expect(await queueDueReminders({ ctx: ctx(), now: at(25 * 3600_000) })).toBe(0);
		expect(await queueDueReminders({ ctx: ctx(), now: at(23 * 3600_000) })).toBe(1);
		// Another instance running the same round at the same time sends nothing more.
		const [x, y] = await Promise.all([queueDueReminders({ ctx: ctx(), now: at(22 * 3600_000) }), queueDueReminders({ ctx: ctx(), now: at(22 * 3600_000) })]);
		expect(x + y).toBe(0);
		expect(await queueDueReminders({ ctx: ctx(), now: at(50 * 60_000) })).toBe(1);
		expect(await queueDueReminders({ ctx: ctx(), now: at(10 * 60_000) })).toBe(0);
		expect(await queueDueReminders({ ctx: ctx(), now: new Date(start.getTime() + 60_000) })).toBe(0);
		const reminders = await mails('registration-reminder');
		expect(reminders.map((r) => r.recipient)).toEqual(['a@example.org', 'a@example.org']);
		const [day, hour] = reminders.sort((p, q) => p.createdAt.getTime() - q.createdAt.getTime());
		expect(day.subject).toContain('mañana');
		expect(hour.subject).toContain('en 1 h');
		// Both zones (Montevideo 10:00, Madrid 15:00) and the join link.
		expect(hour.body).toContain('10:00');
		expect(hour.body).toContain('15:00');
		expect(hour.body).toContain('https://meet.example.org/s1');
	});

	it('expires registrations left unconfirmed past the hold organisers set, and gives their seats to those waiting', async () => {
		await updateRegistrationSettings({ ctx: ctx(organiser), eventId, input: { locale: 'es', opensAt: '', closesAt: '', privacyText: '', reminders: '1440, 60', holdHours: '24' } });
		await changeSessionCapacity({ ctx: ctx(organiser), now: BEFORE, eventId, sessionId: first, capacity: 2 });
		for (const who of ['a', 'b', 'c']) await register({ ctx: ctx(), now: BEFORE, eventId, input: input({ email: `${who}@example.org` }) });
		const [confirmMail] = await database.db.select().from(outbox).where(and(eq(outbox.recipient, 'a@example.org'), eq(outbox.template, 'registration-confirm')));
		expect(confirmMail.body).toContain('Confirma dentro de las próximas 24 horas');
		// a confirms; b never does; c waits.
		await confirmRegistration({ ctx: ctx(), now: BEFORE, token: await tokenFromMail(database.db, 'a@example.org') });
		const later = (hours: number) => new Date(BEFORE.getTime() + hours * 3600_000);
		expect(await expireUnconfirmed({ ctx: ctx(), now: later(23) })).toBe(0);
		// c is still waiting and unconfirmed too, but holds no seat: it expires as well.
		const [x, y] = await Promise.all([expireUnconfirmed({ ctx: ctx(), now: later(25) }), expireUnconfirmed({ ctx: ctx(), now: later(25) })]);
		expect(x + y).toBe(2);
		const rows = await database.db.select({ email: registration.email, status: registration.status }).from(registration).orderBy(asc(registration.email));
		expect(rows.map((r) => r.status)).toEqual(['confirmed', 'cancelled', 'cancelled']);
		const expired = await mails('registration-expired');
		expect(expired.map((m) => m.recipient).sort()).toEqual(['b@example.org', 'c@example.org']);
		expect(expired[0].body).toContain(`${TEST_ENV.origin}/events/intercambio-planificacion-2021/register`);
		// Registering again starts a fresh hold.
		expect((await register({ ctx: ctx(), now: later(26), eventId, input: input({ email: 'b@example.org' }) })).outcome).toBe('renewed');
		expect(await expireUnconfirmed({ ctx: ctx(), now: later(27) })).toBe(0);
	});

	it('records who acted: the visitor who registered, the registrant behind the link, the expiry job', async () => {
		await updateRegistrationSettings({ ctx: ctx(organiser), eventId, input: { locale: 'es', opensAt: '', closesAt: '', privacyText: '', reminders: '1440, 60', holdHours: '24' } });
		const { registrationId: ana } = await register({ ctx: ctx(), eventId, input: input(), now: BEFORE });
		const { registrationId: bo } = await register({ ctx: ctx(), eventId, input: input({ email: 'bo@example.org' }), now: BEFORE });
		await confirmRegistration({ ctx: ctx(), token: await tokenFromMail(database.db, 'ana@example.org'), now: BEFORE });
		await expireUnconfirmed({ ctx: ctx({ kind: 'system', job: 'registration-round' }), now: new Date(BEFORE.getTime() + 25 * 3600_000) });
		const actorOf = async (action: string, id: string) =>
			(await database.db.select({ kind: auditLog.actorKind, ref: auditLog.actorRef }).from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, id)))).map((r) => [r.kind, r.ref]);
		expect(await actorOf('registration.created', ana)).toEqual([['anonymous', null]]);
		expect(await actorOf('registration.confirmed', ana)).toEqual([['registrant', ana]]);
		expect(await actorOf('registration.expired', bo)).toEqual([['system', 'registration-round']]);
	});

	it('counts "the day before" on the calendar of a zone with daylight saving', () => {
		// Lisbon leaves summer time on 25 October 2026 at 02:00: a session at 10:00 that day
		// (10:00 UTC) is reminded at 10:00 on the 24th, still summer time: 09:00 UTC, 25 hours before.
		const start = new Date('2026-10-25T10:00:00Z');
		expect(reminderTime(start, 1440, 'Europe/Lisbon').toISOString()).toBe('2026-10-24T09:00:00.000Z');
		expect(reminderTime(start, 60, 'Europe/Lisbon').toISOString()).toBe('2026-10-25T09:00:00.000Z');
		// Spring forward (29 March 2026, 01:00 → 02:00): 10:00 that day is 09:00 UTC, and the
		// day before at 10:00 is 10:00 UTC, 23 hours earlier.
		expect(reminderTime(new Date('2026-03-29T09:00:00Z'), 1440, 'Europe/Lisbon').toISOString()).toBe('2026-03-28T10:00:00.000Z');
		expect(dueReminder(start, [1440, 60], 'Europe/Lisbon', new Date('2026-10-24T08:59:00Z'))).toBeNull();
		expect(dueReminder(start, [1440, 60], 'Europe/Lisbon', new Date('2026-10-24T09:00:00Z'))).toBe(1440);
		expect(dueReminder(start, [1440, 60], 'Europe/Lisbon', new Date('2026-10-25T09:30:00Z'))).toBe(60);
		expect(dueReminder(start, [1440, 60], 'Europe/Lisbon', new Date('2026-10-25T10:00:00Z'))).toBeNull();
	});

	it('refuses unknown links and organisers-only reads to others', async () => {
		expect(await registrationByToken(ctx(), 'x'.repeat(32))).toBeNull();
		expect(await registrationByToken(ctx(), '../../etc')).toBeNull();
		await expect(confirmRegistration({ ctx: ctx(), now: BEFORE, token: 'y'.repeat(32) })).rejects.toMatchObject({ code: 'not_found' });
		const [ev] = await database.db.select({ id: event.id }).from(event);
		expect(ev.id).toBe(eventId);
		expect((await database.db.select().from(outbox).where(like(outbox.template, 'registration%'))).length).toBe(0);
	});
});
