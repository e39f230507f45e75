import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Actor, Ctx } from '../context.ts';
import { seedDemoExchange } from '../demo/index.ts';
import { auditLog } from '../audit/schema.ts';
import { createNetwork } from '../networks/index.ts';
import { slugRedirect } from '../networks/schema.ts';
import { register, updateRegistrationSettings } from '../registrations/index.ts';
import { registrationInput } from '../registrations/testing.ts';
import { exchangePhase, publishExchange } from '../exchanges/index.ts';
import { anExchange, hoursFrom, type SessionHours } from '../exchanges/testing.ts';
import { aNetworkOrganiser, anEventOrganiser, anOrganiser, aStranger, testCtx, unique } from '../testing/factories.ts';
import { event, eventSession } from './schema.ts';
import { getPublishedEvent, updateEventSettings } from './index.ts';
import { resolveEventSlug } from './listing.ts';
import {
	archiveEvent,
	changeEventSlug,
	concludeEvent,
	publishEvent,
	reopenConclusions,
	setEventLanguages,
	unarchiveEvent,
	unpublishEvent
} from './lifecycle.ts';

const admin = anOrganiser({ email: 'admin@example.org' });

describe.each(testDatabases())('an exchange’s life on $name', ({ open }) => {
	let database: Database;
	let networkId: string;
	let otherNetworkId: string;
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
	/** A complete exchange, published through the checklist. */
	const published = async (sessions: SessionHours[] = [[24 * 7, 24 * 7 + 2]]) => {
		const ex = await anExchange(database.db, { networkId, now, sessions, addSessionRows: sessionRows });
		await publishExchange({ ctx: ctx(), eventId: ex.id });
		return ex;
	};
	const phaseOf = async (eventId: string, at = now) => (await exchangePhase(ctx(), { eventId, now: at }))?.phase;
	const auditsOf = async (eventId: string) =>
		(await database.db.select({ action: auditLog.action, details: auditLog.details, email: auditLog.actorEmail }).from(auditLog).where(eq(auditLog.entityId, eventId)).orderBy(asc(auditLog.id))).filter((a) =>
			a.action.startsWith('event.') && !['event.created', 'event.texts_updated'].includes(a.action)
		);

	beforeAll(async () => {
		database = await open();
		const seeded = await seedDemoExchange(ctx({ kind: 'system', job: 'seed' }));
		const [demo] = await database.db.select({ networkId: event.networkId }).from(event).where(eq(event.id, seeded.eventId!));
		networkId = demo.networkId;
		otherNetworkId = await createNetwork({
			ctx: ctx(),
			input: { slug: `otra-red-${unique()}`, name: 'Otra red', shortName: 'Otra', websiteUrl: '', descriptionEs: '', descriptionPt: '', descriptionEn: '' }
		});
	});
	afterAll(() => database?.close());

	it('reads each phase from the rows: draft, registration open, no dates, live, held, concluded, archived', async () => {
		const draft = await anExchange(database.db, { networkId, now, addSessionRows: sessionRows });
		expect(await phaseOf(draft.id)).toBe('draft');
		expect(await getPublishedEvent(ctx(), draft.slug)).toBeNull();

		const open = await published([[48, 50]]);
		expect(await phaseOf(open.id)).toBe('registration_open');

		const noDates = await published([[48, 50]]);
		await database.db.delete(eventSession).where(eq(eventSession.eventId, noDates.id));
		expect(await phaseOf(noDates.id)).toBe('no_dates');

		// One session on now (it started an hour ago), one next week.
		const live = await published([
			[-1, 1],
			[24 * 7, 24 * 7 + 2]
		]);
		expect(await phaseOf(live.id)).toBe('live');
		// Two hours later the first one has ended and registration is open for the second.
		expect(await phaseOf(live.id, hoursFrom(now, 2))).toBe('registration_open');

		const held = await published([[48, 50]]);
		expect(await phaseOf(held.id, hoursFrom(now, 51))).toBe('held');

		await concludeEvent({ ctx: ctx(), eventId: held.id, now: hoursFrom(now, 51) });
		expect(await phaseOf(held.id, hoursFrom(now, 51))).toBe('concluded');
		await reopenConclusions({ ctx: ctx(), eventId: held.id });
		expect(await phaseOf(held.id, hoursFrom(now, 51))).toBe('held');

		await archiveEvent({ ctx: ctx(), eventId: open.id });
		expect(await phaseOf(open.id)).toBe('archived');
		// Archived stays public, labelled, and takes nobody.
		expect((await getPublishedEvent(ctx(), open.slug))?.status).toBe('archived');
		expect((await exchangePhase(ctx(), { eventId: open.id, now }))?.window).toEqual({ open: false, reason: 'not_found' });
		await unarchiveEvent({ ctx: ctx(), eventId: open.id });
		expect(await phaseOf(open.id)).toBe('registration_open');
		expect((await auditsOf(held.id)).map((a) => a.action)).toEqual(['event.published', 'event.concluded', 'event.conclusions_reopened']);
		expect((await auditsOf(open.id)).map((a) => a.action)).toEqual(['event.published', 'event.archived', 'event.unarchived']);
	});

	it('reads registration closed: the window not open yet, closed already, or no attendees taken', async () => {
		const ex = await published([[24 * 7, 24 * 7 + 2]]);
		const wall = (d: Date) => d.toISOString().slice(0, 16);
		const settings = (opensAt: string, closesAt: string) =>
			updateRegistrationSettings({ ctx: ctx(), eventId: ex.id, input: { locale: 'es', opensAt, closesAt, privacyText: 'Privacidad es', holdHours: '', reminders: '' } });

		await settings(wall(hoursFrom(now, 24)), '');
		expect(await exchangePhase(ctx(), { eventId: ex.id, now })).toEqual({
			phase: 'registration_closed',
			window: { open: false, reason: 'not_yet', opensAt: new Date(`${wall(hoursFrom(now, 24))}:00.000Z`) }
		});
		await settings('', wall(hoursFrom(now, -24)));
		expect(await exchangePhase(ctx(), { eventId: ex.id, now })).toEqual({ phase: 'registration_closed', window: { open: false, reason: 'closed' } });
		await settings('', '');
		expect(await phaseOf(ex.id)).toBe('registration_open');
		await updateEventSettings({ ctx: ctx(), eventId: ex.id, input: { timeZone: 'UTC', unitId: null, openToAttendees: false } });
		expect(await exchangePhase(ctx(), { eventId: ex.id, now })).toEqual({ phase: 'registration_closed', window: { open: false, reason: 'closed' } });
	});

	it('takes a published exchange back to draft while nobody registered, and refuses once someone did', async () => {
		const ex = await published([[24 * 7, 24 * 7 + 2]]);
		await unpublishEvent({ ctx: ctx(), eventId: ex.id });
		const [row] = await database.db.select({ status: event.status, publishedAt: event.publishedAt }).from(event).where(eq(event.id, ex.id));
		expect(row).toEqual({ status: 'draft', publishedAt: null });
		await expect(unpublishEvent({ ctx: ctx(), eventId: ex.id })).rejects.toMatchObject({ code: 'conflict', messageKey: 'event_not_published' });

		await publishExchange({ ctx: ctx(), eventId: ex.id });
		await register({ ctx: testCtx(database.db), now, eventId: ex.id, input: registrationInput({ email: `ana-${unique()}@example.org`, sessionIds: ex.sessionIds }) });
		await expect(unpublishEvent({ ctx: ctx(), eventId: ex.id })).rejects.toMatchObject({ code: 'conflict', messageKey: 'event_has_registrations' });
		expect((await getPublishedEvent(ctx(), ex.slug))?.status).toBe('published');
		expect((await auditsOf(ex.id)).map((a) => a.action)).toEqual(['event.published', 'event.unpublished', 'event.published']);
	});

	it('refuses to publish the conclusions before the last session ends, or twice', async () => {
		const ex = await published([
			[-48, -46],
			[-1, 1]
		]);
		await expect(concludeEvent({ ctx: ctx(), eventId: ex.id, now })).rejects.toMatchObject({ code: 'conflict', messageKey: 'event_not_held' });
		await concludeEvent({ ctx: ctx(), eventId: ex.id, now: hoursFrom(now, 2) });
		const [row] = await database.db.select({ concludedAt: event.concludedAt }).from(event).where(eq(event.id, ex.id));
		expect(row.concludedAt?.toISOString()).toBe(hoursFrom(now, 2).toISOString());
		await expect(concludeEvent({ ctx: ctx(), eventId: ex.id, now: hoursFrom(now, 3) })).rejects.toMatchObject({ code: 'conflict', messageKey: 'event_already_concluded' });
		// A draft is never concluded, whatever its dates.
		const draft = await anExchange(database.db, { networkId, now, sessions: [[-3, -2]], addSessionRows: sessionRows });
		await expect(concludeEvent({ ctx: ctx(), eventId: draft.id, now })).rejects.toMatchObject({ code: 'conflict', messageKey: 'event_not_held' });
	});

	it('changes the address: the old one resolves to the new, nobody else can take it, and taking it back stops the redirect', async () => {
		const ex = await published();
		const old = ex.slug;
		const next = `nuevo-${unique()}`;
		expect(await changeEventSlug({ ctx: ctx(), eventId: ex.id, slug: `  ${next.toUpperCase()} ` })).toBe(next);
		expect(await resolveEventSlug(ctx(), old)).toEqual({ id: ex.id, slug: next, redirected: true });
		expect(await resolveEventSlug(ctx(), next)).toEqual({ id: ex.id, slug: next, redirected: false });
		expect(await getPublishedEvent(ctx(), old)).toBeNull();

		const other = await published();
		await expect(changeEventSlug({ ctx: ctx(), eventId: other.id, slug: old })).rejects.toMatchObject({ code: 'conflict', messageKey: 'slug_taken' });
		await expect(changeEventSlug({ ctx: ctx(), eventId: other.id, slug: next })).rejects.toMatchObject({ code: 'conflict', messageKey: 'slug_taken' });
		await expect(changeEventSlug({ ctx: ctx(), eventId: other.id, slug: 'Con espacios' })).rejects.toMatchObject({ code: 'invalid', messageKey: 'slug' });

		// Back to its first address: that one is its own again, and the second one now redirects to it.
		await changeEventSlug({ ctx: ctx(), eventId: ex.id, slug: old });
		expect(await resolveEventSlug(ctx(), old)).toEqual({ id: ex.id, slug: old, redirected: false });
		expect(await resolveEventSlug(ctx(), next)).toEqual({ id: ex.id, slug: old, redirected: true });
		const redirects = await database.db.select({ slug: slugRedirect.slug }).from(slugRedirect).where(and(eq(slugRedirect.kind, 'event'), eq(slugRedirect.targetId, ex.id)));
		expect(redirects.map((r) => r.slug)).toEqual([next]);
		expect((await auditsOf(ex.id)).filter((a) => a.action === 'event.slug_changed').map((a) => a.details)).toEqual([
			{ from: old, to: next },
			{ from: next, to: old }
		]);
	});

	it('offers Spanish always, in the installation’s order, audited only when it changes', async () => {
		const ex = await anExchange(database.db, { networkId, now, languages: ['es'], addSessionRows: sessionRows });
		expect(await setEventLanguages({ ctx: ctx(), eventId: ex.id, languages: ['en', 'pt'] })).toEqual(['es', 'pt', 'en']);
		expect(await setEventLanguages({ ctx: ctx(), eventId: ex.id, languages: [] })).toEqual(['es']);
		expect(await setEventLanguages({ ctx: ctx(), eventId: ex.id, languages: ['es'] })).toEqual(['es']);
		await expect(setEventLanguages({ ctx: ctx(), eventId: ex.id, languages: ['fr'] })).rejects.toMatchObject({ code: 'invalid' });
		expect((await auditsOf(ex.id)).filter((a) => a.action === 'event.languages_set').map((a) => a.details)).toEqual([
			{ from: ['es'], to: ['es', 'pt', 'en'] },
			{ from: ['es', 'pt', 'en'], to: ['es'] }
		]);
	});

	it('lets the exchange’s and its network’s organisers act, and refuses a stranger and another network’s organiser', async () => {
		const ex = await published();
		const refused = [aStranger(), aNetworkOrganiser(otherNetworkId), anEventOrganiser('00000000-0000-4000-8000-000000000000')];
		for (const actor of refused) {
			for (const verb of [archiveEvent, unpublishEvent, unarchiveEvent, concludeEvent, reopenConclusions]) {
				await expect(verb({ ctx: ctx(actor), eventId: ex.id })).rejects.toMatchObject({ code: 'forbidden' });
			}
			await expect(changeEventSlug({ ctx: ctx(actor), eventId: ex.id, slug: `x-${unique()}` })).rejects.toMatchObject({ code: 'forbidden' });
			await expect(setEventLanguages({ ctx: ctx(actor), eventId: ex.id, languages: ['pt'] })).rejects.toMatchObject({ code: 'forbidden' });
			await expect(publishEvent({ ctx: ctx(actor), eventId: ex.id, check: async () => [] })).rejects.toMatchObject({ code: 'forbidden' });
			await expect(publishExchange({ ctx: ctx(actor), eventId: ex.id })).rejects.toMatchObject({ code: 'forbidden' });
		}
		const networkOrganiser = aNetworkOrganiser(networkId, [ex.id]);
		await archiveEvent({ ctx: ctx(networkOrganiser), eventId: ex.id });
		await unarchiveEvent({ ctx: ctx(anEventOrganiser(ex.id)), eventId: ex.id });
		await unpublishEvent({ ctx: ctx(networkOrganiser), eventId: ex.id });
		await publishExchange({ ctx: ctx(anEventOrganiser(ex.id)), eventId: ex.id });
		expect((await auditsOf(ex.id)).map((a) => [a.action, a.email])).toEqual([
			['event.published', 'admin@example.org'],
			['event.archived', networkOrganiser.email],
			['event.unarchived', expect.stringMatching(/@example\.org$/)],
			['event.unpublished', networkOrganiser.email],
			['event.published', expect.stringMatching(/@example\.org$/)]
		]);
	});

	it('refuses to publish what is published already, and a check that finds something missing', async () => {
		const ex = await anExchange(database.db, { networkId, now, addSessionRows: sessionRows });
		await expect(publishEvent({ ctx: ctx(), eventId: ex.id, check: async () => ['text.summary.pt'] })).rejects.toMatchObject({ code: 'conflict', messageKey: 'checklist' });
		// The check runs inside the transaction, on the locked row.
		let seen = '';
		await publishEvent({
			ctx: ctx(),
			eventId: ex.id,
			check: async (tx, id) => {
				const [row] = await tx.db.select({ status: event.status }).from(event).where(eq(event.id, id));
				seen = row.status;
				return [];
			}
		});
		expect(seen).toBe('draft');
		await expect(publishExchange({ ctx: ctx(), eventId: ex.id })).rejects.toMatchObject({ code: 'conflict', messageKey: 'event_not_draft' });
		await expect(archiveEvent({ ctx: ctx(), eventId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'not_found' });
	});
});
