import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, type Actor, type Ctx } from '../context.ts';
import { aNetworkOrganiser, anEventOrganiser, anOrganiser, testCtx } from '../testing/factories.ts';
import { event, eventSession } from '../events/schema.ts';
import { createEvent } from '../events/index.ts';
import { createNetwork } from '../networks/index.ts';
import { guardEvent } from '../http/organiser.ts';
import { outbox } from '../mail/schema.ts';
import { registrationSettings } from '../registrations/schema.ts';
import { practice } from '../practices/schema.ts';
import { register } from '../registrations/index.ts';
import { demoExchangeWithSessions, registrationInput } from '../registrations/testing.ts';
import { dashboardFor } from './index.ts';

const organiser = anOrganiser();

describe.each(testDatabases())('the dashboard on $name', ({ open }) => {
	let database: Database;
	let eventId: string;
	let first: string;
	let now: Date;
	const ctx = (actor: Actor = ANONYMOUS, locale: 'es' | 'pt' | 'en' = 'en'): Ctx => testCtx(database.db, actor, { locale });
	const steps = async (locale: 'es' | 'pt' | 'en' = 'en') => {
		const d = await dashboardFor(ctx(organiser, locale), { now, zone: 'UTC' });
		return { steps: Object.fromEntries(d.exchanges.find((e) => e.id === eventId)!.steps.map((s) => [s.kind, s.text])), general: Object.fromEntries(d.general.map((s) => [s.kind, s.text])) };
	};

	beforeAll(async () => {
		database = await open();
		({ eventId, sessionIds: [first] } = await demoExchangeWithSessions(database.db));
		const [s] = await database.db.select({ startsAt: eventSession.startsAt }).from(eventSession).where(eq(eventSession.id, first));
		// A week before the first session: registration is open, nothing else waits yet.
		now = new Date(s.startsAt.getTime() - 7 * 86_400_000);
	});
	afterAll(() => database?.close());

	it('shows only the steps that apply, with counts in each language’s plural', async () => {
		let seen = await steps();
		expect(seen.steps.pending).toBeUndefined();
		expect(seen.steps.failed).toBeUndefined();
		expect(seen.steps.next_session).toMatch(/^The next session starts on .+\.$/);

		for (const email of ['a@example.org', 'b@example.org']) {
			await register({ ctx: ctx(), now, eventId, input: registrationInput({ name: email.split('@')[0], email, country: 'BR', city: '', institution: '', institutionType: 'academia', sessionIds: [first], locale: 'es', timeZone: 'UTC' }) });
		}
		seen = await steps();
		expect(seen.steps.pending).toBe('2 registrations wait for confirmation.');
		expect((await steps('pt')).steps.pending).toBe('2 inscrições aguardam confirmação.');

		// One person's mail failed (two failed mails to the same address count once).
		const [mail] = await database.db.select().from(outbox).where(eq(outbox.recipient, 'a@example.org')).orderBy(asc(outbox.createdAt));
		await database.db.update(outbox).set({ state: 'failed' }).where(eq(outbox.id, mail.id));
		seen = await steps();
		expect(seen.steps.failed).toBe('Mail failed for 1 person.');
		expect(seen.general.outbox).toBe('In all, mail failed for 1 person.');

		await database.db
			.insert(registrationSettings)
			.values({ eventId, opensAt: new Date(now.getTime() + 3 * 86_400_000) })
			.onConflictDoUpdate({ target: registrationSettings.eventId, set: { opensAt: new Date(now.getTime() + 3 * 86_400_000) } });
		expect((await steps()).steps.registration).toMatch(/^Registration opens in 3 days \(.+\)\.$/);
		expect((await steps('es')).steps.registration).toMatch(/^La inscripción abre en 3 días/);
	});

	it('counts the practices waiting for review, for the people who moderate', async () => {
		const before = (await steps()).general.review;
		const [one] = await database.db.select({ id: practice.id }).from(practice).limit(1);
		if (!one) return;
		await database.db.update(practice).set({ status: 'submitted' }).where(eq(practice.id, one.id));
		const after = (await steps()).general.review;
		expect(after).not.toBe(before);
		expect(after).toMatch(/^\d+ practices? waits? for review\.$/);
		expect((await dashboardFor(ctx({ kind: 'user', userId: 'x', email: 'x@example.org', name: 'X', roles: [] }), { now, zone: 'UTC' })).general).toEqual([]);
	});

	it('shows each organiser only the exchanges they manage, and the outbox only to administrators', async () => {
		const [{ networkId }] = await database.db.select({ networkId: event.networkId }).from(event).where(eq(event.id, eventId));
		const other = await createNetwork({
			ctx: ctx(organiser),
			input: { slug: 'otra-red', name: 'Otra red', shortName: '', websiteUrl: '', descriptionEs: '', descriptionPt: '', descriptionEn: '' }
		});
		const { id: elsewhere } = await createEvent({
			ctx: ctx(organiser),
			input: { networkId: other, unitId: null, slug: 'otro-encuentro', title: 'Otro encuentro', timeZone: 'UTC', languages: ['es'] }
		});
		const seen = async (actor: Actor) => (await dashboardFor(ctx(actor), { now, zone: 'UTC' })).exchanges.map((e) => e.id);
		expect(await seen(organiser)).toEqual([elsewhere, eventId]);
		expect(await seen(aNetworkOrganiser(networkId, [eventId]))).toEqual([eventId]);
		expect(await seen(aNetworkOrganiser(other, [elsewhere]))).toEqual([elsewhere]);
		expect(await seen(anEventOrganiser(eventId))).toEqual([eventId]);

		// A failed mail of the demo exchange: its organisers are told, but the outbox is not theirs to open.
		// (Registration open now, whatever an earlier test of this file set.)
		await database.db.update(registrationSettings).set({ opensAt: null, closesAt: null }).where(eq(registrationSettings.eventId, eventId));
		await register({ ctx: ctx(), now, eventId, input: registrationInput({ name: 'c', email: 'c@example.org', country: 'BR', city: '', institution: '', institutionType: 'academia', sessionIds: [first], locale: 'es', timeZone: 'UTC' }) });
		await database.db.update(outbox).set({ state: 'failed' }).where(eq(outbox.recipient, 'c@example.org'));
		const ours = await dashboardFor(ctx(aNetworkOrganiser(networkId, [eventId])), { now, zone: 'UTC' });
		expect(ours.exchanges[0].steps.find((s) => s.kind === 'failed')).toMatchObject({ text: expect.stringMatching(/^Mail failed for \d+ (person|people)\.$/), href: null });
		expect((await dashboardFor(ctx(organiser), { now, zone: 'UTC' })).exchanges.find((e) => e.id === eventId)!.steps.find((s) => s.kind === 'failed')?.href).toBe('/admin/outbox');
		expect(ours.general.map((s) => s.kind)).not.toContain('outbox');

		// The pages of another network's exchange answer 403.
		const locals = (actor: Actor) => ({ ctx: ctx(actor) }) as unknown as App.Locals;
		expect(() => guardEvent(locals(aNetworkOrganiser(other, [elsewhere])), eventId)).toThrow(expect.objectContaining({ status: 403 }));
		expect(() => guardEvent(locals(anEventOrganiser(elsewhere)), eventId)).toThrow(expect.objectContaining({ status: 403 }));
		expect(() => guardEvent(locals(aNetworkOrganiser(networkId, [eventId])), eventId)).not.toThrow();
	});
});
