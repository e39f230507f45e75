import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Actor, Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import { seedDemoExchange, DEMO_EVENT_SLUG } from './demo.ts';
import { axisConclusions, getPublishedEvent, listAxes, listEventsForOrganiser } from './queries.ts';
import { addAxis, addSession, removeAxis, updateAxis, updateEventSettings, updateEventTexts, updateSession } from './commands.ts';
import { auditLog } from '../audit/schema.ts';
import { event } from './schema.ts';
import { pick } from '../../i18n/localized.ts';

const organiser: Actor = { userId: 'u-org', email: 'org@example.org', name: 'Org', roles: [{ role: 'organiser', eventId: null }] };
const stranger: Actor = { userId: 'u-x', email: 'x@example.org', name: 'X', roles: [] };

const texts = {
	title: 'Intercâmbio de teste',
	unit: 'Unidade',
	summary: 'Resumo',
	background: 'Antecedentes',
	objective: 'Objetivo',
	format: 'Formato'
};

describe.each(testDatabases())('events on $name', ({ open }) => {
	let database: Database;
	let eventId: string;
	const ctx = (actor: Actor | null): Ctx => ({ db: database.db, actor });

	beforeAll(async () => {
		database = await open();
		const seeded = await seedDemoExchange(database.db);
		eventId = seeded.eventId!;
	});
	afterAll(() => database?.close());

	it('seeds the demo exchange once, with three axes and two sessions at 10:00 in Montevideo', async () => {
		expect(await seedDemoExchange(database.db)).toEqual({ created: false });
		const ev = await getPublishedEvent(database.db, DEMO_EVENT_SLUG);
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
		const ev = await getPublishedEvent(database.db, DEMO_EVENT_SLUG);
		expect(pick(ev!.title, 'pt')).toEqual({ text: 'Intercâmbio de teste', lang: 'pt' });
		expect(ev!.title.es).toBe('Intercambio de buenas prácticas en planificación estratégica territorial');
		const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'event.texts_updated'));
		expect(entry.actorEmail).toBe('org@example.org');
		expect(entry.details).toEqual({ locale: 'pt', fields: ['title', 'unit', 'summary', 'background', 'objective', 'format'] });
	});

	it('falls back to Spanish when a translation is emptied', async () => {
		await updateEventTexts({ ctx: ctx(organiser), eventId, input: { locale: 'pt', ...texts, title: '' } });
		const ev = await getPublishedEvent(database.db, DEMO_EVENT_SLUG);
		expect(pick(ev!.title, 'pt').lang).toBe('es');
	});

	it('refuses a person who does not organise the event and writes nothing', async () => {
		const before = await database.db.select().from(auditLog);
		await expect(
			updateEventTexts({ ctx: ctx(stranger), eventId, input: { locale: 'es', ...texts } })
		).rejects.toThrowError(DomainError);
		const scoped: Actor = { ...stranger, roles: [{ role: 'organiser', eventId: '00000000-0000-0000-0000-000000000000' }] };
		await expect(addAxis({ ctx: ctx(scoped), eventId, input: { locale: 'es', name: 'X', description: '', conclusions: '', moderator: '' } })).rejects.toMatchObject({
			code: 'forbidden'
		});
		expect(await listEventsForOrganiser(database.db, scoped)).toEqual([]);
		expect(await database.db.select().from(auditLog)).toHaveLength(before.length);
	});

	it('stores session times given in the event zone as UTC and refuses an end before the start', async () => {
		const ev = await getPublishedEvent(database.db, DEMO_EVENT_SLUG);
		const sessionId = ev!.sessions[0].id;
		await updateSession({
			ctx: ctx(organiser),
			eventId,
			sessionId,
			input: { locale: 'es', title: 'Primera', date: '2021-07-15', startTime: '09:30', endTime: '11:45', joinUrl: 'https://meet.example.org/a', recordingUrl: '' }
		});
		const after = await getPublishedEvent(database.db, DEMO_EVENT_SLUG);
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
			input: { timeZone: 'Europe/Madrid', status: 'published', agendaState: 'to_be_defined', openToPresenters: true, openToAttendees: true }
		});
		const id = await addSession({
			ctx: ctx(organiser),
			eventId,
			input: { locale: 'es', title: 'Verano', date: '2021-07-29', startTime: '15:00', endTime: '17:00', joinUrl: '', recordingUrl: '' }
		});
		const ev = await getPublishedEvent(database.db, DEMO_EVENT_SLUG);
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
			input: { timeZone: 'America/Montevideo', status: 'published', agendaState: 'to_be_defined', openToPresenters: true, openToAttendees: true }
		});
	});

	it('adds and removes an axis, each change audited', async () => {
		const axisId = await addAxis({ ctx: ctx(organiser), eventId, input: { locale: 'es', name: 'Movilidad', description: 'Transporte', conclusions: '', moderator: '' } });
		let ev = await getPublishedEvent(database.db, DEMO_EVENT_SLUG);
		expect(ev!.axes.map((a) => a.name.es).at(-1)).toBe('Movilidad');
		// After the exchange, the moderators' conclusions, per language; an empty text removes one.
		const write = (locale: 'es' | 'pt', conclusions: string) =>
			updateAxis({ ctx: ctx(organiser), eventId, axisId, input: { locale, name: locale === 'es' ? 'Movilidad' : 'Mobilidade', description: '', conclusions, moderator: 'Ana Pérez' } });
		await write('es', 'El transporte metropolitano necesita datos compartidos.');
		await write('pt', 'O transporte metropolitano precisa de dados compartilhados.');
		expect(await axisConclusions(database.db, eventId, ['no-such-axis'])).toEqual([]);
		const [withConclusions] = (await listAxes(database.db, eventId)).filter((a) => a.id === axisId);
		expect(withConclusions).toMatchObject({ moderator: 'Ana Pérez', conclusions: { es: 'El transporte metropolitano necesita datos compartidos.', pt: 'O transporte metropolitano precisa de dados compartilhados.' } });
		expect((await axisConclusions(database.db, eventId, [withConclusions.slug])).map((a) => a.id)).toEqual([axisId]);
		await write('pt', '');
		expect((await listAxes(database.db, eventId)).find((a) => a.id === axisId)?.conclusions).toEqual({ es: 'El transporte metropolitano necesita datos compartidos.' });
		await removeAxis({ ctx: ctx(organiser), eventId, axisId });
		ev = await getPublishedEvent(database.db, DEMO_EVENT_SLUG);
		expect(ev!.axes).toHaveLength(3);
		const actions = (await database.db.select({ a: auditLog.action }).from(auditLog)).map((r) => r.a);
		expect(actions).toContain('axis.added');
		expect(actions).toContain('axis.removed');
	});

	it('hides a draft event from the public', async () => {
		await database.db.update(event).set({ status: 'draft' }).where(eq(event.id, eventId));
		expect(await getPublishedEvent(database.db, DEMO_EVENT_SLUG)).toBeNull();
		await database.db.update(event).set({ status: 'published' }).where(eq(event.id, eventId));
	});
});
