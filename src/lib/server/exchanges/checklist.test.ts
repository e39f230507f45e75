import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Actor, Ctx } from '../context.ts';
import { seedDemoExchange } from '../demo/index.ts';
import { addAxis, addSession, getPublishedEvent, updateAxis, updateEventTexts } from '../events/index.ts';
import { event, eventSession } from '../events/schema.ts';
import { updateRegistrationSettings } from '../registrations/index.ts';
import { aNetworkOrganiser, anOrganiser, aStranger, testCtx } from '../testing/factories.ts';
import { anExchange, hoursFrom, textsIn, type SessionHours } from './testing.ts';
import { checklistCode, publishExchange, publishingChecklist } from './index.ts';

const admin = anOrganiser({ email: 'admin@example.org' });

describe.each(testDatabases())('the publishing checklist on $name', ({ open }) => {
	let database: Database;
	let networkId: string;
	const ctx = (actor: Actor = admin): Ctx => testCtx(database.db, actor);
	const now = new Date();
	const sessionRows = async (eventId: string, sessions: SessionHours[], at: Date) => {
		const ids: string[] = [];
		for (const [i, [start, end]] of sessions.entries()) {
			const [row] = await database.db
				.insert(eventSession)
				.values({ eventId, position: i + 1, title: { es: `Sesión ${i + 1}` }, startsAt: hoursFrom(at, start), endsAt: hoursFrom(at, end) })
				.returning({ id: eventSession.id });
			ids.push(row.id);
		}
		return ids;
	};
	const codes = async (eventId: string, actor: Actor = admin) => (await publishingChecklist(ctx(actor), { eventId })).missing.map(checklistCode);

	beforeAll(async () => {
		database = await open();
		const seeded = await seedDemoExchange(ctx({ kind: 'system', job: 'seed' }));
		const [demo] = await database.db.select({ networkId: event.networkId }).from(event).where(eq(event.id, seeded.eventId!));
		networkId = demo.networkId;
	});
	afterAll(() => database?.close());

	it('names everything a new draft lacks in each offered language, refuses to publish it, and publishes it once fixed', async () => {
		const ex = await anExchange(database.db, { networkId, now, complete: false, sessions: [], languages: ['es', 'pt'], addSessionRows: sessionRows });
		expect(await codes(ex.id)).toEqual([
			// The Spanish title was given when it was created.
			'text.summary.es',
			'text.background.es',
			'text.objective.es',
			'text.format.es',
			'text.title.pt',
			'text.summary.pt',
			'text.background.pt',
			'text.objective.pt',
			'text.format.pt',
			'axis',
			'session',
			'privacy.es',
			'privacy.pt'
		]);
		await expect(publishExchange({ ctx: ctx(), eventId: ex.id })).rejects.toMatchObject({ code: 'conflict', messageKey: 'checklist' });

		const c = ctx();
		await updateEventTexts({ ctx: c, eventId: ex.id, input: textsIn('es') as never });
		await updateEventTexts({ ctx: c, eventId: ex.id, input: { ...textsIn('pt'), objective: '   ' } as never });
		const axisId = await addAxis({ ctx: c, eventId: ex.id, input: { locale: 'es', name: 'Movilidad', description: '', conclusions: '', moderator: '' } });
		await addSession({ ctx: c, eventId: ex.id, input: { locale: 'es', title: 'Apertura', date: '2099-03-10', startTime: '10:00', endTime: '12:00', joinUrl: '', recordingUrl: '' } });
		await updateRegistrationSettings({ ctx: c, eventId: ex.id, input: { locale: 'es', opensAt: '', closesAt: '', privacyText: 'Privacidad', holdHours: '', reminders: '' } });
		// What is left: a blank Portuguese objective, the axis's Portuguese name, the Portuguese privacy text.
		expect(await codes(ex.id)).toEqual(['text.objective.pt', 'axis_name.1.pt', 'privacy.pt']);
		expect((await publishingChecklist(ctx(), { eventId: ex.id })).missing).toEqual([
			{ kind: 'text', field: 'objective', locale: 'pt' },
			{ kind: 'axis_name', axisId, position: 1, locale: 'pt' },
			{ kind: 'privacy', locale: 'pt' }
		]);
		await expect(publishExchange({ ctx: ctx(), eventId: ex.id })).rejects.toMatchObject({ code: 'conflict', messageKey: 'checklist' });
		expect(await getPublishedEvent(ctx(), ex.slug)).toBeNull();

		await updateEventTexts({ ctx: c, eventId: ex.id, input: textsIn('pt') as never });
		await updateAxis({ ctx: c, eventId: ex.id, axisId, input: { locale: 'pt', name: 'Mobilidade', description: '', conclusions: '', moderator: '' } });
		await updateRegistrationSettings({ ctx: c, eventId: ex.id, input: { locale: 'pt', opensAt: '', closesAt: '', privacyText: 'Privacidade', holdHours: '', reminders: '' } });
		expect(await publishingChecklist(ctx(), { eventId: ex.id })).toEqual({ missing: [], ready: true });
		await publishExchange({ ctx: ctx(), eventId: ex.id });
		const shown = await getPublishedEvent(ctx(), ex.slug);
		expect(shown?.status).toBe('published');
		expect(shown?.publishedAt).toBeInstanceOf(Date);
	});

	it('asks only for the languages offered, and for an invalid time zone', async () => {
		const ex = await anExchange(database.db, { networkId, now, languages: ['es'], addSessionRows: sessionRows });
		expect(await codes(ex.id)).toEqual([]);
		// A zone that stopped being valid (the data moved on) is named; the editor refuses to set one.
		await database.db.update(event).set({ timeZone: 'Mars/Olympus_Mons', languages: ['es', 'en'] }).where(eq(event.id, ex.id));
		expect(await codes(ex.id)).toEqual(['text.title.en', 'text.summary.en', 'text.background.en', 'text.objective.en', 'text.format.en', 'time_zone', 'axis_name.1.en', 'privacy.en']);
	});

	it('shows the checklist to the exchange’s organisers only', async () => {
		const ex = await anExchange(database.db, { networkId, now, addSessionRows: sessionRows });
		expect(await codes(ex.id, aNetworkOrganiser(networkId, [ex.id]))).toEqual([]);
		await expect(publishingChecklist(ctx(aStranger()), { eventId: ex.id })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(publishingChecklist(ctx(aNetworkOrganiser('00000000-0000-4000-8000-000000000000')), { eventId: ex.id })).rejects.toMatchObject({ code: 'forbidden' });
	});
});
