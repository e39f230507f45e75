import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Db } from '../db/client.ts';
import { DomainError, type Actor, type Ctx } from '../context.ts';
import { aNetworkOrganiser, anEventOrganiser, anOrganiser, aStranger, aUser, testCtx, unique } from '../testing/factories.ts';
import { demoExchangeWithSessions, registrationInput, tokenFromMail } from '../registrations/testing.ts';
import { seedDemoPractices } from '../demo/index.ts';
import { setSessionCapacity, updateAxis, updateSession } from '../events/index.ts';
import { addQuestion, confirmRegistration, markCheckedIn, register, translateQuestion, updateCertificateSettings, updateRegistrationSettings, writeToRegistrants } from '../registrations/index.ts';
import { addSurveyQuestion, answerSurvey } from '../survey/index.ts';
import { addUnit, createNetwork, rememberOldSlug } from '../networks/index.ts';
import { axis, event, eventSession } from '../events/schema.ts';
import { registrationQuestion, registrationSettings } from '../registrations/schema.ts';
import { surveyQuestion } from '../survey/schema.ts';
import { auditLog } from '../audit/schema.ts';
import { outbox } from '../mail/schema.ts';
import { roleAssignment } from '../auth/schema.ts';
import { copyExchange, type CopyExchangeInput } from './copy.ts';

// A failure of the last step of a copy (the survey's), to show the whole copy is one transaction.
const failing = vi.hoisted(() => ({ survey: false }));
vi.mock('../survey/index.ts', async (importOriginal) => {
	const real = await importOriginal<typeof import('../survey/index.ts')>();
	return {
		...real,
		copySurveyQuestions: (args: Parameters<typeof real.copySurveyQuestions>[0]) => (failing.survey ? Promise.reject(new Error('the disk is full')) : real.copySurveyQuestions(args))
	};
});

const admin = anOrganiser({ email: 'admin@example.org' });
const MONTEVIDEO = 'America/Montevideo';

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
	const result = await db.execute(query);
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Rows that point at an exchange, in every table with an event_id column (besides the event itself). */
async function rowsPointingAt(db: Db, eventId: string): Promise<Record<string, number>> {
	const tables = await rows<{ table_name: string }>(
		db,
		sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'event_id' order by table_name`
	);
	const out: Record<string, number> = {};
	for (const { table_name } of tables) {
		const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table_name)} where event_id = ${eventId}`);
		if (n > 0) out[table_name] = n;
	}
	return out;
}

describe.each(testDatabases())('copying an exchange on $name', ({ open }) => {
	let database: Database;
	let demoId: string;
	let sessionIds: string[];
	let demoNetworkId: string;
	let demoUnitId: string;
	let otherNetworkId: string;
	let otherUnitId: string;
	const ctx = (actor: Actor = admin): Ctx => testCtx(database.db, actor);
	const input = (overrides: Partial<CopyExchangeInput> = {}): CopyExchangeInput => ({
		networkId: demoNetworkId,
		unitId: demoUnitId,
		slug: `planificacion-2027-${unique()}`,
		title: 'Intercambio de planificación 2027',
		firstSessionDate: '2027-07-15',
		...overrides
	});
	const eventsWithSlug = async (slug: string) => (await database.db.select({ id: event.id }).from(event).where(eq(event.slug, slug))).length;

	beforeAll(async () => {
		database = await open();
		({ eventId: demoId, sessionIds } = await demoExchangeWithSessions(database.db));
		const [demo] = await database.db.select({ networkId: event.networkId, unitId: event.unitId }).from(event).where(eq(event.id, demoId));
		demoNetworkId = demo.networkId;
		demoUnitId = demo.unitId!;
		otherNetworkId = await createNetwork({ ctx: ctx(), input: { slug: 'red-metropolitana', name: 'Red Metropolitana', shortName: '', websiteUrl: '', descriptionEs: '', descriptionPt: '', descriptionEn: '' } });
		otherUnitId = await addUnit({ ctx: ctx(), networkId: otherNetworkId, input: { slug: '', nameEs: 'Movilidad', namePt: '', nameEn: '', descriptionEs: '', descriptionPt: '', descriptionEn: '' } });

		// The 2021 edition as it was lived: settings, questions, conclusions, links, people, answers, practices.
		const [firstAxis] = await database.db.select({ id: axis.id, name: axis.name, description: axis.description }).from(axis).where(eq(axis.eventId, demoId)).orderBy(asc(axis.position));
		await updateAxis({
			ctx: ctx(),
			eventId: demoId,
			axisId: firstAxis.id,
			input: { locale: 'es', name: firstAxis.name.es, description: firstAxis.description.es, conclusions: 'Las ciudades concluyeron que…', moderator: 'Marta Gómez' }
		});
		await updateSession({
			ctx: ctx(),
			eventId: demoId,
			sessionId: sessionIds[0],
			input: { locale: 'es', title: '', date: '2021-07-15', startTime: '10:00', endTime: '12:00', joinUrl: 'https://meet.example.org/2021', recordingUrl: 'https://video.example.org/2021' }
		});
		await setSessionCapacity({ ctx: ctx(), eventId: demoId, sessionId: sessionIds[1], capacity: 40 });
		const settings = { opensAt: '2021-06-01T09:00', closesAt: '2021-07-14T18:00', holdHours: '48', reminders: '2880, 60' };
		await updateRegistrationSettings({ ctx: ctx(), eventId: demoId, input: { locale: 'es', privacyText: 'Sus datos se usan solo para este intercambio.', ...settings } });
		await updateRegistrationSettings({ ctx: ctx(), eventId: demoId, input: { locale: 'pt', privacyText: 'Seus dados são usados só para este intercâmbio.', ...settings } });
		await updateCertificateSettings({ ctx: ctx(), eventId: demoId, input: { locale: 'es', text: 'Participó en el intercambio.', signatories: 'Ana Pérez — Coordinadora\nLuis Souza — Secretario', minAttendancePercent: 80 } });
		const questionId = await addQuestion({ ctx: ctx(), eventId: demoId, input: { locale: 'es', kind: 'select', label: '¿Cómo supo del intercambio?', options: 'Correo\nRedes', required: true } });
		await translateQuestion({ ctx: ctx(), eventId: demoId, questionId, locale: 'pt', label: 'Como soube do intercâmbio?', options: 'E-mail\nRedes' });
		await addSurveyQuestion({ ctx: ctx(), eventId: demoId, kind: 'scale', label: '¿Le fue útil?', locale: 'es' });
		await addSurveyQuestion({ ctx: ctx(), eventId: demoId, kind: 'text', label: '¿Qué mejoraría?', locale: 'es' });
		const anonymous = testCtx(database.db);
		const { registrationId } = await register({ ctx: anonymous, eventId: demoId, now: new Date('2021-07-01T12:00:00Z'), input: registrationInput({ sessionIds }) });
		const token = await tokenFromMail(database.db, 'ana@example.org');
		await confirmRegistration({ ctx: anonymous, token, now: new Date('2021-07-01T12:05:00Z') });
		await markCheckedIn({ ctx: ctx(), registrationId, sessionId: sessionIds[0], at: new Date('2021-07-15T13:05:00Z') });
		await answerSurvey({ ctx: anonymous, token, answers: {}, now: new Date('2021-08-01T12:00:00Z') });
		await writeToRegistrants({ ctx: ctx(), eventId: demoId, now: new Date('2021-07-10T12:00:00Z'), input: { sessionId: null, audience: 'confirmed', texts: { es: { subject: 'Hasta pronto', body: 'Nos vemos el jueves.' } } } });
		await seedDemoPractices(ctx({ kind: 'system', job: 'seed' }));
	});
	afterAll(() => database?.close());

	it('carries the 2021 demo into a 2027 draft with exactly its structure, settings and questions, and nothing of what happened', async () => {
		const before = await rowsPointingAt(database.db, demoId);
		// The source really holds what must not travel.
		expect(before).toMatchObject({ registration: 1, survey_response: 1, bulk_message: 1 });
		expect(before.practice).toBeGreaterThan(0);
		const [{ mails }] = await database.db.select({ mails: sql<number>`count(*)::int` }).from(outbox);
		const [{ roles }] = await database.db.select({ roles: sql<number>`count(*)::int` }).from(roleAssignment);

		const { id, slug } = await copyExchange({ ctx: ctx(), fromEventId: demoId, input: input({ slug: 'intercambio-planificacion-2027' }) });
		expect(slug).toBe('intercambio-planificacion-2027');

		// Only these tables point at the new edition (no registrations, seats, attendance, answers, practices, messages, certificates, roles).
		expect(await rowsPointingAt(database.db, id)).toEqual({ axis: 3, event_session: 2, registration_question: 1, registration_settings: 1, survey_question: 2 });
		expect((await database.db.select({ n: sql<number>`count(*)::int` }).from(outbox))[0].n).toBe(mails);
		expect((await database.db.select({ n: sql<number>`count(*)::int` }).from(roleAssignment))[0].n).toBe(roles);

		const [[from], [to]] = await Promise.all([
			database.db.select().from(event).where(eq(event.id, demoId)),
			database.db.select().from(event).where(eq(event.id, id))
		]);
		expect(to).toMatchObject({
			slug: 'intercambio-planificacion-2027',
			networkId: demoNetworkId,
			unitId: demoUnitId,
			title: { es: 'Intercambio de planificación 2027', pt: from.title.pt, en: from.title.en },
			summary: from.summary,
			background: from.background,
			objective: from.objective,
			format: from.format,
			timeZone: MONTEVIDEO,
			languages: from.languages,
			openToAttendees: from.openToAttendees,
			openToPresenters: from.openToPresenters,
			agendaState: 'to_be_defined',
			status: 'draft',
			isDemo: false,
			concludedAt: null,
			publishedAt: null
		});
		expect(from.isDemo).toBe(true);

		const axesOf = (eventId: string) => database.db.select().from(axis).where(eq(axis.eventId, eventId)).orderBy(asc(axis.position));
		const [oldAxes, newAxes] = await Promise.all([axesOf(demoId), axesOf(id)]);
		expect(oldAxes[0]).toMatchObject({ conclusions: { es: 'Las ciudades concluyeron que…' }, moderator: 'Marta Gómez' });
		expect(newAxes.map((a) => ({ slug: a.slug, position: a.position, name: a.name, description: a.description, conclusions: a.conclusions, moderator: a.moderator }))).toEqual(
			oldAxes.map((a) => ({ slug: a.slug, position: a.position, name: a.name, description: a.description, conclusions: {}, moderator: '' }))
		);

		const sessions = await database.db.select().from(eventSession).where(eq(eventSession.eventId, id)).orderBy(asc(eventSession.startsAt));
		expect(sessions.map((s) => ({ title: s.title.es, starts: s.startsAt.toISOString(), ends: s.endsAt.toISOString(), capacity: s.capacity, joinUrl: s.joinUrl, recordingUrl: s.recordingUrl, sequence: s.sequence }))).toEqual([
			{ title: 'Primera sesión', starts: '2027-07-15T13:00:00.000Z', ends: '2027-07-15T15:00:00.000Z', capacity: null, joinUrl: null, recordingUrl: null, sequence: 0 },
			{ title: 'Segunda sesión', starts: '2027-07-22T13:00:00.000Z', ends: '2027-07-22T15:00:00.000Z', capacity: 40, joinUrl: null, recordingUrl: null, sequence: 0 }
		]);

		const [[oldSettings], [newSettings]] = await Promise.all([
			database.db.select().from(registrationSettings).where(eq(registrationSettings.eventId, demoId)),
			database.db.select().from(registrationSettings).where(eq(registrationSettings.eventId, id))
		]);
		expect(oldSettings.privacyVersion).toBe(2);
		expect({ ...newSettings, updatedAt: null }).toEqual({
			eventId: id,
			// 09:00 and 18:00 in Montevideo, six years (2,191 days) later.
			opensAt: new Date('2027-06-01T12:00:00Z'),
			closesAt: new Date('2027-07-14T21:00:00Z'),
			privacyText: { es: 'Sus datos se usan solo para este intercambio.', pt: 'Seus dados são usados só para este intercâmbio.' },
			privacyVersion: 1,
			reminderMinutes: [2880, 60],
			holdHours: 48,
			minAttendancePercent: 80,
			certificateText: { es: 'Participó en el intercambio.' },
			signatories: [
				{ name: 'Ana Pérez', role: 'Coordinadora' },
				{ name: 'Luis Souza', role: 'Secretario' }
			],
			updatedAt: null
		});

		const questionsOf = (eventId: string) => database.db.select().from(registrationQuestion).where(eq(registrationQuestion.eventId, eventId));
		expect((await questionsOf(id)).map(({ position, kind, label, options, required }) => ({ position, kind, label, options, required }))).toEqual([
			{ position: 1, kind: 'select', label: { es: '¿Cómo supo del intercambio?', pt: 'Como soube do intercâmbio?' }, options: [{ es: 'Correo', pt: 'E-mail' }, { es: 'Redes', pt: 'Redes' }], required: true }
		]);
		const survey = await database.db.select().from(surveyQuestion).where(eq(surveyQuestion.eventId, id)).orderBy(asc(surveyQuestion.position));
		expect(survey.map(({ position, kind, label }) => ({ position, kind, label }))).toEqual([
			{ position: 1, kind: 'scale', label: { es: '¿Le fue útil?' } },
			{ position: 2, kind: 'text', label: { es: '¿Qué mejoraría?' } }
		]);

		// One audit entry tells the whole copy; the old edition is untouched.
		const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
		expect(audit.map((a) => [a.action, a.actorEmail, a.details])).toEqual([
			[
				'event.copied',
				'admin@example.org',
				{
					from: demoId,
					to: id,
					fromTitle: from.title.es,
					slug: 'intercambio-planificacion-2027',
					title: 'Intercambio de planificación 2027',
					networkId: demoNetworkId,
					days: 2191,
					axes: 3,
					sessions: 2,
					registrationSettings: true,
					registrationQuestions: 1,
					surveyQuestions: 2
				}
			]
		]);
		expect(await rowsPointingAt(database.db, demoId)).toEqual(before);
	});

	it('lets a network’s organiser copy into their network, even though their roles do not list the new edition yet', async () => {
		const organiser = aNetworkOrganiser(demoNetworkId, [demoId]);
		const { id } = await copyExchange({ ctx: ctx(organiser), fromEventId: demoId, input: input({ unitId: null }) });
		expect(await rowsPointingAt(database.db, id)).toEqual({ axis: 3, event_session: 2, registration_question: 1, registration_settings: 1, survey_question: 2 });
		const [row] = await database.db.select({ unitId: event.unitId, networkId: event.networkId }).from(event).where(eq(event.id, id));
		expect(row).toEqual({ unitId: null, networkId: demoNetworkId });
	});

	it('lets another network’s organiser start from a public exchange as a template, never from a draft they do not manage', async () => {
		const template = input({ networkId: otherNetworkId, unitId: otherUnitId });
		const copied = await copyExchange({ ctx: ctx(aNetworkOrganiser(otherNetworkId)), fromEventId: demoId, input: template });
		const [row] = await database.db.select({ networkId: event.networkId, status: event.status }).from(event).where(eq(event.id, copied.id));
		expect(row).toEqual({ networkId: otherNetworkId, status: 'draft' });
		// A draft of the demo network is not public: only its own organisers may copy it.
		const draft = await copyExchange({ ctx: ctx(anOrganiser()), fromEventId: demoId, input: input() });
		const attempt = input({ networkId: otherNetworkId, unitId: otherUnitId });
		await expect(copyExchange({ ctx: ctx(aNetworkOrganiser(otherNetworkId)), fromEventId: draft.id, input: attempt })).rejects.toMatchObject({ code: 'forbidden' });
		expect(await eventsWithSlug(attempt.slug)).toBe(0);
	});

	it('refuses a network organiser copying into a network they do not organise, and anyone who does not manage the source', async () => {
		const refusals: [string, Actor, Partial<CopyExchangeInput>][] = [
			['the demo network’s organiser, into another network', aNetworkOrganiser(demoNetworkId, [demoId]), { networkId: otherNetworkId, unitId: otherUnitId }],
			['the source exchange’s own organiser, who manages no network', anEventOrganiser(demoId), {}],
			['someone with no role', aStranger(), {}],
			['a visitor', { kind: 'anonymous' }, {}]
		];
		for (const [who, actor, overrides] of refusals) {
			const attempt = input(overrides);
			await expect(copyExchange({ ctx: ctx(actor), fromEventId: demoId, input: attempt }), who).rejects.toMatchObject({ code: 'forbidden' });
			expect(await eventsWithSlug(attempt.slug), who).toBe(0);
		}
	});

	it('lets an exchange’s own organiser copy it into a network they organise', async () => {
		const both = aUser({
			roles: [
				{ role: 'organiser', networkId: null, eventId: demoId },
				{ role: 'organiser', networkId: otherNetworkId, eventId: null }
			]
		});
		const { id } = await copyExchange({ ctx: ctx(both), fromEventId: demoId, input: input({ networkId: otherNetworkId, unitId: otherUnitId }) });
		const [row] = await database.db.select({ networkId: event.networkId, unitId: event.unitId }).from(event).where(eq(event.id, id));
		expect(row).toEqual({ networkId: otherNetworkId, unitId: otherUnitId });
	});

	it('refuses an address in use now or before, a unit of another network, and a missing or impossible first date', async () => {
		const [demo] = await database.db.select({ slug: event.slug }).from(event).where(eq(event.id, demoId));
		const copies = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'event.copied')))[0].n;
		const copiesBefore = await copies();
		await rememberOldSlug({ ctx: ctx(), kind: 'event', slug: 'planificacion-2020', targetId: demoId });
		const cases: [Partial<CopyExchangeInput>, string][] = [
			[{ slug: demo.slug }, 'slug_taken'],
			[{ slug: 'planificacion-2020' }, 'slug_taken'],
			[{ unitId: otherUnitId }, 'invalid'],
			[{ firstSessionDate: null }, 'required']
		];
		for (const [overrides, key] of cases) {
			const error = await copyExchange({ ctx: ctx(), fromEventId: demoId, input: input(overrides) }).catch((e: unknown) => e);
			expect(error, key).toBeInstanceOf(DomainError);
			expect((error as DomainError).messageKey).toBe(key);
		}
		expect(await copies()).toBe(copiesBefore);
	});

	it('leaves nothing written when a step fails halfway (after the exchange, its axes, sessions and registration setup were copied)', async () => {
		const attempt = input();
		const count = async (table: typeof axis | typeof eventSession | typeof registrationSettings | typeof registrationQuestion | typeof surveyQuestion | typeof auditLog) =>
			(await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
		const tables = [axis, eventSession, registrationSettings, registrationQuestion, surveyQuestion, auditLog] as const;
		const before = await Promise.all(tables.map(count));
		failing.survey = true;
		try {
			await expect(copyExchange({ ctx: ctx(), fromEventId: demoId, input: attempt })).rejects.toThrow('the disk is full');
		} finally {
			failing.survey = false;
		}
		expect(await eventsWithSlug(attempt.slug)).toBe(0);
		expect(await Promise.all(tables.map(count))).toEqual(before);
	});
});
