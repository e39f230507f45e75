import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Actor, Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import { seedDemoExchange, DEMO_EVENT_SLUG } from '../demo/index.ts';
import { axisConclusions, getPublishedEvent, listAxes, listEventsForOrganiser } from './queries.ts';
import { addAxis, addSession, removeAxis, setSessionCapacity, updateAxis, updateEventSettings, updateEventTexts, updateSession } from './commands.ts';
import { auditLog } from '../audit/schema.ts';
import { event, eventSession } from './schema.ts';
import { pick } from '../../i18n/localized.ts';
import { eventCalendar } from './calendar.ts';
import { calendarEvents } from '../../testing/calendar.ts';
import { anEventOrganiser, anOrganiser, aStranger, testCtx } from '../testing/factories.ts';

const organiser = anOrganiser({ email: 'org@example.org' });
const stranger = aStranger();

const texts = {
	title: 'Intercâmbio de teste',
	summary: 'Resumo',
	background: 'Antecedentes',
	objective: 'Objetivo',
	format: 'Formato'
};

describe.each(testDatabases())('events on $name', ({ open }) => {
	let database: Database;
	let eventId: string;
	const ctx = (actor?: Actor): Ctx => testCtx(database.db, actor);

	beforeAll(async () => {
		database = await open();
		const seeded = await seedDemoExchange(ctx({ kind: 'system', job: 'seed' }));
		eventId = seeded.eventId!;
	});
	afterAll(() => database?.close());

	it('seeds the demo exchange once, with three axes and two sessions at 10:00 in Montevideo', async () => {
		expect(await seedDemoExchange(ctx({ kind: 'system', job: 'seed' }))).toEqual({ created: false });
		const ev = await getPublishedEvent(ctx(), DEMO_EVENT_SLUG);
		expect(ev?.timeZone).toBe('America/Montevideo');
		expect(ev?.axes.map((a) => a.name.es)).toEqual([
			'Participación ciudadana',
			'Innovación en la planificación estratégica',
			'Adaptabilidad de la planificación frente a la pandemia'
		]);
		expect(ev?.sessions.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
			['2021-07-15T13:00:00.000Z', '2021-07-15T15:00:00.000Z'],
			['2021-07-22T13:00:00.000Z', '2021-07-22T15:00:00.000Z']
		]);
		// The public query never carries join links.
		expect(Object.keys(ev!.sessions[0])).not.toContain('joinUrl');
	});

	it('saves one language of the texts and records who did it', async () => {
		await updateEventTexts({ ctx: ctx(organiser), eventId, input: { locale: 'pt', ...texts } });
		const ev = await getPublishedEvent(ctx(), DEMO_EVENT_SLUG);
		expect(pick(ev!.title, 'pt')).toEqual({ text: 'Intercâmbio de teste', lang: 'pt' });
		expect(ev!.title.es).toBe('Intercambio de buenas prácticas en planificación estratégica territorial');
		const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'event.texts_updated'));
		expect(entry.actorEmail).toBe('org@example.org');
		expect(entry.details).toEqual({ locale: 'pt', fields: ['title', 'summary', 'background', 'objective', 'format'] });
	});

	it('falls back to Spanish when a translation is emptied', async () => {
		await updateEventTexts({ ctx: ctx(organiser), eventId, input: { locale: 'pt', ...texts, title: '' } });
		const ev = await getPublishedEvent(ctx(), DEMO_EVENT_SLUG);
		expect(pick(ev!.title, 'pt').lang).toBe('es');
	});

	it('refuses a person who does not organise the event and writes nothing', async () => {
		const before = await database.db.select().from(auditLog);
		await expect(
			updateEventTexts({ ctx: ctx(stranger), eventId, input: { locale: 'es', ...texts } })
		).rejects.toThrowError(DomainError);
		const scoped = anEventOrganiser('00000000-0000-0000-0000-000000000000');
		await expect(addAxis({ ctx: ctx(scoped), eventId, input: { locale: 'es', name: 'X', description: '', conclusions: '', moderator: '' } })).rejects.toMatchObject({
			code: 'forbidden'
		});
		expect(await listEventsForOrganiser(ctx(scoped))).toEqual([]);
		expect(await database.db.select().from(auditLog)).toHaveLength(before.length);
	});

	it('stores session times given in the event zone as UTC and refuses an end before the start', async () => {
		const ev = await getPublishedEvent(ctx(), DEMO_EVENT_SLUG);
		const sessionId = ev!.sessions[0].id;
		await updateSession({
			ctx: ctx(organiser),
			eventId,
			sessionId,
			input: { locale: 'es', title: 'Primera', date: '2021-07-15', startTime: '09:30', endTime: '11:45', joinUrl: 'https://meet.example.org/a', recordingUrl: '' }
		});
		const after = await getPublishedEvent(ctx(), DEMO_EVENT_SLUG);
		expect(after!.sessions[0].startsAt.toISOString()).toBe('2021-07-15T12:30:00.000Z');
		expect(after!.sessions[0].endsAt.toISOString()).toBe('2021-07-15T14:45:00.000Z');
		await expect(
			updateSession({
				ctx: ctx(organiser),
				eventId,
				sessionId,
				input: { locale: 'es', title: 'x', date: '2021-07-15', startTime: '12:00', endTime: '10:00', joinUrl: '', recordingUrl: '' }
			})
		).rejects.toMatchObject({ code: 'invalid', messageKey: 'end_before_start' });
	});

	it('adds a session in a zone with daylight saving at the right instant', async () => {
		await updateEventSettings({
			ctx: ctx(organiser),
			eventId,
			input: { timeZone: 'Europe/Madrid', unitId: null, agendaState: 'to_be_defined', openToAttendees: true }
		});
		const id = await addSession({
			ctx: ctx(organiser),
			eventId,
			input: { locale: 'es', title: 'Verano', date: '2021-07-29', startTime: '15:00', endTime: '17:00', joinUrl: '', recordingUrl: '' }
		});
		const ev = await getPublishedEvent(ctx(), DEMO_EVENT_SLUG);
		const added = ev!.sessions.find((s) => s.id === id)!;
		expect(added.startsAt.toISOString()).toBe('2021-07-29T13:00:00.000Z');
		// 02:30 on the spring-forward night does not exist in Madrid.
		await expect(
			addSession({
				ctx: ctx(organiser),
				eventId,
				input: { locale: 'es', title: 'x', date: '2021-03-28', startTime: '02:30', endTime: '04:00', joinUrl: '', recordingUrl: '' }
			})
		).rejects.toMatchObject({ messageKey: 'date' });
		await updateEventSettings({
			ctx: ctx(organiser),
			eventId,
			input: { timeZone: 'America/Montevideo', unitId: null, agendaState: 'to_be_defined', openToAttendees: true }
		});
	});

	it('adds and removes an axis, each change audited', async () => {
		const axisId = await addAxis({ ctx: ctx(organiser), eventId, input: { locale: 'es', name: 'Movilidad', description: 'Transporte', conclusions: '', moderator: '' } });
		let ev = await getPublishedEvent(ctx(), DEMO_EVENT_SLUG);
		expect(ev!.axes.map((a) => a.name.es).at(-1)).toBe('Movilidad');
		// After the exchange, the moderators' conclusions, per language; an empty text removes one.
		const write = (locale: 'es' | 'pt', conclusions: string) =>
			updateAxis({ ctx: ctx(organiser), eventId, axisId, input: { locale, name: locale === 'es' ? 'Movilidad' : 'Mobilidade', description: '', conclusions, moderator: 'Ana Pérez' } });
		await write('es', 'El transporte metropolitano necesita datos compartidos.');
		await write('pt', 'O transporte metropolitano precisa de dados compartilhados.');
		expect(await axisConclusions(ctx(), eventId, ['no-such-axis'])).toEqual([]);
		const [withConclusions] = (await listAxes(ctx(), eventId)).filter((a) => a.id === axisId);
		expect(withConclusions).toMatchObject({ moderator: 'Ana Pérez', conclusions: { es: 'El transporte metropolitano necesita datos compartidos.', pt: 'O transporte metropolitano precisa de dados compartilhados.' } });
		expect((await axisConclusions(ctx(), eventId, [withConclusions.slug])).map((a) => a.id)).toEqual([axisId]);
		await write('pt', '');
		expect((await listAxes(ctx(), eventId)).find((a) => a.id === axisId)?.conclusions).toEqual({ es: 'El transporte metropolitano necesita datos compartidos.' });
		await removeAxis({ ctx: ctx(organiser), eventId, axisId });
		ev = await getPublishedEvent(ctx(), DEMO_EVENT_SLUG);
		expect(ev!.axes).toHaveLength(3);
		const actions = (await database.db.select({ a: auditLog.action }).from(auditLog)).map((r) => r.a);
		expect(actions).toContain('axis.added');
		expect(actions).toContain('axis.removed');
	});

	it('sets a session capacity for its own event only, audited with the previous value', async () => {
		const ev = await getPublishedEvent(ctx(), DEMO_EVENT_SLUG);
		const sessionId = ev!.sessions[1].id;
		expect(await setSessionCapacity({ ctx: ctx(organiser), eventId, sessionId, capacity: 40 })).toEqual({ previous: null });
		expect(await setSessionCapacity({ ctx: ctx(organiser), eventId, sessionId, capacity: null })).toEqual({ previous: 40 });
		const [row] = await database.db.select({ capacity: eventSession.capacity }).from(eventSession).where(eq(eventSession.id, sessionId));
		expect(row.capacity).toBeNull();
		const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'session.capacity_set'));
		expect(audits.map((a) => [a.actorEmail, a.entityId, a.details])).toEqual([
			['org@example.org', sessionId, { eventId, from: null, to: 40 }],
			['org@example.org', sessionId, { eventId, from: 40, to: null }]
		]);
		await expect(setSessionCapacity({ ctx: ctx(organiser), eventId: '00000000-0000-0000-0000-000000000000', sessionId, capacity: 5 })).rejects.toMatchObject({ code: 'not_found' });
		await expect(setSessionCapacity({ ctx: ctx(stranger), eventId, sessionId, capacity: 5 })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(setSessionCapacity({ ctx: ctx(organiser), eventId, sessionId, capacity: -1 })).rejects.toMatchObject({ code: 'invalid', messageKey: 'capacity' });
	});

	it('writes a session calendar in the reader language with links to the public address, never the request host', async () => {
		const ev = await getPublishedEvent(ctx(), DEMO_EVENT_SLUG);
		const ics = await eventCalendar(testCtx(database.db, undefined, { locale: 'pt' }), { slug: DEMO_EVENT_SLUG, sessionId: ev!.sessions[0].id });
		expect(ics?.filename).toBe(`${DEMO_EVENT_SLUG}-1.ics`);
		const [entry] = calendarEvents(ics!.body);
		expect(entry.uid).toBe(`session-${ev!.sessions[0].id}@intercambio.test`);
		expect(entry.url).toMatchObject({ val: `http://intercambio.test/pt/events/${DEMO_EVENT_SLUG}` });
		expect(await eventCalendar(ctx(), { slug: DEMO_EVENT_SLUG, sessionId: '00000000-0000-0000-0000-000000000000' })).toBeNull();
	});

	it('hides a draft event from the public', async () => {
		await database.db.update(event).set({ status: 'draft' }).where(eq(event.id, eventId));
		expect(await getPublishedEvent(ctx(), DEMO_EVENT_SLUG)).toBeNull();
		await database.db.update(event).set({ status: 'published' }).where(eq(event.id, eventId));
	});
});
