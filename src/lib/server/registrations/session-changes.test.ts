import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, DomainError, type Actor, type Ctx } from '../context.ts';
import { anOrganiser, aStranger, testCtx } from '../testing/factories.ts';
import { eventSession } from '../events/schema.ts';
import { eventCalendar, type SessionInput } from '../events/index.ts';
import { DEMO_EVENT_SLUG } from '../demo/index.ts';
import { outbox } from '../mail/schema.ts';
import { utcToZonedWallTime } from '../../time.ts';
import { cancelRegistration, cancelSession, changeSession, changeSessionCapacity, registrationByToken, registrationCalendar, register, sessionRegistrantCount } from './index.ts';
import { registration, registrationSession, registrationSettings } from './schema.ts';
import { confirmedRegistrant, demoExchangeWithSessions, registrationInput, tokenFromMail } from './testing.ts';

const organiser = anOrganiser();
// Two weeks before the demo exchange's first session (15 July 2021, 10:00 in Montevideo).
const BEFORE = new Date('2021-07-01T12:00:00Z');

describe.each(testDatabases())('telling registrants about a changed or removed session on $name', ({ open }) => {
	let database: Database;
	let eventId: string;
	let first: string;
	let second: string;
	let tokens: Record<'ana' | 'joao' | 'bea' | 'carl' | 'dora', string>;
	const ctx = (actor: Actor = ANONYMOUS): Ctx => testCtx(database.db, actor);
	const mails = (template: string) => database.db.select().from(outbox).where(eq(outbox.template, template));
	/** The editor's form for a session as it stands, with overrides (wall times in the event's zone). */
	async function form(sessionId: string, overrides: Partial<SessionInput> = {}): Promise<SessionInput> {
		const [s] = await database.db.select().from(eventSession).where(eq(eventSession.id, sessionId));
		const start = utcToZonedWallTime(s.startsAt, 'America/Montevideo');
		return {
			locale: 'es',
			title: s.title.es,
			date: start.date,
			startTime: start.time,
			endTime: utcToZonedWallTime(s.endsAt, 'America/Montevideo').time,
			joinUrl: s.joinUrl ?? '',
			recordingUrl: s.recordingUrl ?? '',
			...overrides
		} as SessionInput;
	}

	beforeAll(async () => {
		database = await open();
		({ eventId, sessionIds: [first, second] } = await demoExchangeWithSessions(database.db));
	});
	afterAll(() => database?.close());
	beforeEach(async () => {
		await database.db.delete(registration);
		await database.db.delete(outbox);
		await database.db.delete(registrationSettings);
		await database.db.update(eventSession).set({ capacity: null, joinUrl: null, sequence: 0 });
		// The demo's first session: 15 July 2021, 10:00–12:00 in Montevideo (back there before each test).
		await database.db.update(eventSession).set({ startsAt: new Date('2021-07-15T13:00:00Z'), endsAt: new Date('2021-07-15T15:00:00Z') }).where(eq(eventSession.id, first));
		// Ana (es, Montevideo) confirmed with a seat; João (pt, São Paulo) pending with a seat; then the
		// session is full and Bea (en, Madrid) waits; Carl only chose the second session; Dora cancelled.
		const ana = await confirmedRegistrant({ ctx: ctx(), now: BEFORE, eventId, input: registrationInput({ sessionIds: [first, second] }) });
		await register({ ctx: ctx(), now: BEFORE, eventId, input: registrationInput({ sessionIds: [first], name: 'João Silva', email: 'joao@example.org', country: 'BR', city: 'São Paulo', locale: 'pt', timeZone: 'America/Sao_Paulo' }) });
		const joao = await tokenFromMail(database.db, 'joao@example.org');
		await changeSessionCapacity({ ctx: ctx(organiser), eventId, sessionId: first, capacity: 2, now: BEFORE });
		await register({ ctx: ctx(), now: BEFORE, eventId, input: registrationInput({ sessionIds: [first], name: 'Bea Smith', email: 'bea@example.org', country: 'ES', city: 'Madrid', locale: 'en', timeZone: 'Europe/Madrid' }) });
		const bea = await tokenFromMail(database.db, 'bea@example.org');
		const carl = await confirmedRegistrant({ ctx: ctx(), now: BEFORE, eventId, input: registrationInput({ sessionIds: [second], name: 'Carl', email: 'carl@example.org', locale: 'en' }) });
		const dora = await confirmedRegistrant({ ctx: ctx(), now: BEFORE, eventId, input: registrationInput({ sessionIds: [first], name: 'Dora', email: 'dora@example.org' }) });
		await cancelRegistration({ ctx: ctx(), now: BEFORE, token: dora });
		tokens = { ana, joao, bea, carl, dora };
		expect((await registrationByToken(ctx(), bea))?.sessions.find((s) => s.id === first)?.state).toBe('waitlist');
		await database.db.delete(outbox);
	});

	it('mails a new time once to each active registrant of the session, in their language and zone, with the calendar link', async () => {
		const result = await changeSession({ ctx: ctx(organiser), eventId, sessionId: first, input: await form(first, { startTime: '11:00', endTime: '13:00' }) });
		expect(result).toMatchObject({ timeChanged: true, joinUrlChanged: false, sequence: 1, told: 3 });
		const sent = await mails('registration-session-changed');
		expect(sent.map((m) => m.recipient).sort()).toEqual(['ana@example.org', 'bea@example.org', 'joao@example.org']);
		const to = (who: string) => sent.find((m) => m.recipient === who)!;
		expect(to('ana@example.org')).toMatchObject({ locale: 'es' });
		expect(to('ana@example.org').body).toMatch(/Nuevo horario: .*11:00/);
		expect(to('ana@example.org').body).toMatch(/Antes: .*10:00/);
		expect(to('ana@example.org').body).toContain(`/registration/${tokens.ana}/sessions/${first}/calendar.ics`);
		// João reads Portuguese, with links to the Portuguese pages.
		expect(to('joao@example.org')).toMatchObject({ locale: 'pt' });
		expect(to('joao@example.org').body).toContain('Novo horário');
		expect(to('joao@example.org').body).toContain(`/pt/registration/${tokens.joao}/sessions/${first}/calendar.ics`);
		// Bea waits in Madrid: English, and 16:00 her time beside 11:00 in Montevideo.
		expect(to('bea@example.org')).toMatchObject({ locale: 'en' });
		expect(to('bea@example.org').body).toMatch(/New time: .*11:00[\s\S]*16:00/);
		expect(to('bea@example.org').subject).toContain('Change to');
		// The same form posted again changes nothing and tells nobody twice.
		expect((await changeSession({ ctx: ctx(organiser), eventId, sessionId: first, input: await form(first) })).told).toBe(0);
		expect(await mails('registration-session-changed')).toHaveLength(3);
	});

	it('raises SEQUENCE with the same UID in every calendar file, with DTSTAMP in UTC', async () => {
		const own = async () => (await registrationCalendar(ctx(), { token: tokens.ana, sessionId: first, locale: 'es' }))!.body;
		const published = async () => (await eventCalendar(ctx(), { slug: DEMO_EVENT_SLUG, sessionId: first }))!.body;
		const all = async () => (await eventCalendar(ctx(), { slug: DEMO_EVENT_SLUG }))!.body;
		const uid = (text: string) => /^UID:(.*)$/m.exec(text)![1].trim();
		const before = { own: await own(), published: await published() };
		expect(before.own).toContain('SEQUENCE:0');
		expect(before.published).toContain('SEQUENCE:0');
		await changeSession({ ctx: ctx(organiser), eventId, sessionId: first, input: await form(first, { startTime: '11:00', endTime: '13:00' }) });
		for (const [text, was] of [[await own(), before.own], [await published(), before.published]]) {
			expect(text).toContain('SEQUENCE:1');
			expect(uid(text)).toBe(uid(was));
			expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r?$/m);
			expect(text).not.toMatch(/^DTSTAMP;/m);
		}
		// A new join link is a change of place: SEQUENCE 2; the whole event's file carries each session's own.
		await changeSession({ ctx: ctx(organiser), eventId, sessionId: first, input: await form(first, { joinUrl: 'https://meet.example.org/a' }) });
		expect(await own()).toContain('SEQUENCE:2');
		expect((await all()).match(/^SEQUENCE:\d+/gm)!.sort()).toEqual(['SEQUENCE:0', 'SEQUENCE:2']);
	});

	it('tells nobody when only the title changes, and keeps the SEQUENCE', async () => {
		const result = await changeSession({ ctx: ctx(organiser), eventId, sessionId: first, input: await form(first, { title: 'Otro título' }) });
		expect(result).toMatchObject({ timeChanged: false, joinUrlChanged: false, sequence: 0, told: 0 });
		expect(await database.db.select().from(outbox)).toHaveLength(0);
		const [s] = await database.db.select().from(eventSession).where(eq(eventSession.id, first));
		expect(s.title.es).toBe('Otro título');
	});

	it('sends a new join link to those with a seat only, the link itself only to the confirmed', async () => {
		const result = await changeSession({ ctx: ctx(organiser), eventId, sessionId: first, input: await form(first, { joinUrl: 'https://meet.example.org/new' }) });
		expect(result).toMatchObject({ timeChanged: false, joinUrlChanged: true, told: 2 });
		const sent = await mails('registration-session-changed');
		expect(sent.map((m) => m.recipient).sort()).toEqual(['ana@example.org', 'joao@example.org']);
		expect(sent.find((m) => m.recipient === 'ana@example.org')!.body).toContain('https://meet.example.org/new');
		const joao = sent.find((m) => m.recipient === 'joao@example.org')!.body;
		expect(joao).not.toContain('https://meet.example.org/new');
		expect(joao).toContain('quando confirmar sua inscrição');
	});

	it('refuses anyone but the event organisers', async () => {
		await expect(changeSession({ ctx: ctx(aStranger()), eventId, sessionId: first, input: await form(first, { startTime: '11:00', endTime: '13:00' }) })).rejects.toBeInstanceOf(DomainError);
		await expect(cancelSession({ ctx: ctx(aStranger()), eventId, sessionId: first })).rejects.toBeInstanceOf(DomainError);
		expect(await database.db.select().from(outbox)).toHaveLength(0);
	});

	it('counts and then tells everyone with a seat or waiting when the session is removed; their registrations stay', async () => {
		expect(await sessionRegistrantCount(ctx(organiser), { eventId, sessionId: first })).toBe(3);
		const { told } = await cancelSession({ ctx: ctx(organiser), eventId, sessionId: first });
		expect(told).toBe(3);
		const sent = await mails('registration-session-cancelled');
		expect(sent.map((m) => [m.recipient, m.locale]).sort()).toEqual([['ana@example.org', 'es'], ['bea@example.org', 'en'], ['joao@example.org', 'pt']]);
		expect(sent.find((m) => m.locale === 'es')!.body).toMatch(/cancelaron la sesión[\s\S]*10:00[\s\S]*Tu inscripción sigue vigente/);
		expect(sent.find((m) => m.locale === 'en')!.subject).toContain('Session cancelled');
		expect(await database.db.select().from(eventSession).where(eq(eventSession.id, first))).toHaveLength(0);
		expect(await database.db.select().from(registrationSession).where(eq(registrationSession.sessionId, first))).toHaveLength(0);
		const ana = await registrationByToken(ctx(), tokens.ana);
		expect(ana?.status).toBe('confirmed');
		expect(ana?.sessions.filter((s) => s.state).map((s) => s.id)).toEqual([second]);
		expect(await registrationCalendar(ctx(), { token: tokens.ana, sessionId: first, locale: 'es' })).toBeNull();
	});
});
