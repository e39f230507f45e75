import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Ctx } from '../context.ts';
import { testCtx, unique } from '../testing/factories.ts';
import type { Locale } from '../../i18n/localized.ts';
import { event, eventSession } from './schema.ts';
import { network, networkUnit, slugRedirect } from '../networks/schema.ts';
import { registrationSettings } from '../registrations/schema.ts';
import { registrationWindows } from '../registrations/index.ts';
import { countPublicEvents, eventListQueryString, listPublicEvents, listPublicNetworks, parseEventListQuery, resolveNetworkSlug } from './listing.ts';
import { eventPhase } from './rules.ts';

// A fixed moment: every date below is relative to it, so nothing depends on the clock.
const NOW = new Date('2030-03-01T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe.each(testDatabases())('listing public exchanges on $name', ({ open }) => {
	let database: Database;
	let ctx: Ctx;
	const suffix = unique();
	const nets: Record<'a' | 'b', { id: string; slug: string }> = {} as never;
	const ids: Record<string, string> = {};
	let unitId: string;

	/** An exchange as the fixture needs it: a status, languages and sessions given as [start, end] offsets from NOW. */
	async function anExchange(
		key: string,
		options: { net: 'a' | 'b'; status?: 'draft' | 'published' | 'archived'; languages?: Locale[]; sessions?: [number, number][]; unit?: boolean }
	) {
		const [row] = await database.db
			.insert(event)
			.values({
				slug: `${key}-${suffix}`,
				networkId: nets[options.net].id,
				unitId: options.unit ? unitId : null,
				title: { es: `Intercambio ${key}`, pt: `Intercâmbio ${key}` },
				summary: { es: `Resumen ${key}` },
				background: { es: '' },
				objective: { es: '' },
				format: { es: '' },
				timeZone: 'America/Montevideo',
				languages: options.languages ?? ['es', 'pt'],
				status: options.status ?? 'published'
			})
			.returning({ id: event.id });
		ids[key] = row.id;
		const sessions = options.sessions ?? [];
		if (sessions.length)
			await database.db
				.insert(eventSession)
				.values(sessions.map(([s, e], i) => ({ eventId: row.id, position: i + 1, title: { es: `Sesión ${i + 1}` }, startsAt: at(s), endsAt: at(e) })));
	}

	const slugs = (rows: { slug: string }[]) => rows.map((r) => r.slug.replace(`-${suffix}`, ''));

	beforeAll(async () => {
		database = await open();
		ctx = testCtx(database.db);
		for (const key of ['a', 'b'] as const) {
			const [row] = await database.db
				.insert(network)
				.values({ slug: `red-${key}-${suffix}`, name: `Red ${key.toUpperCase()}`, shortName: key.toUpperCase(), description: { es: `Descripción ${key}`, pt: '' } })
				.returning({ id: network.id, slug: network.slug });
			nets[key] = row;
		}
		[{ id: unitId }] = await database.db
			.insert(networkUnit)
			.values({ networkId: nets.a.id, slug: 'planificacion', position: 1, name: { es: 'Planificación', pt: 'Planejamento' } })
			.returning({ id: networkUnit.id });
		await anExchange('soon', { net: 'a', unit: true, sessions: [[DAY, DAY + 2 * HOUR]] });
		await anExchange('later', { net: 'a', languages: ['es', 'en'], sessions: [[10 * DAY, 10 * DAY + 2 * HOUR]] });
		// Its last session ends exactly now: it has been held.
		await anExchange('boundary', { net: 'a', sessions: [[-2 * HOUR, 0]] });
		await anExchange('live', { net: 'b', sessions: [[-HOUR, HOUR]] });
		await anExchange('undated', { net: 'b' });
		// A session behind and one ahead: listed by the one ahead.
		await anExchange('running', { net: 'b', sessions: [[-7 * DAY, -7 * DAY + HOUR], [3 * DAY, 3 * DAY + HOUR]] });
		await anExchange('recent', { net: 'b', sessions: [[-DAY - HOUR, -DAY]] });
		await anExchange('old', { net: 'a', languages: ['es'], sessions: [[-30 * DAY - HOUR, -30 * DAY]] });
		// Archived counts as past, even with its dates still ahead.
		await anExchange('archived', { net: 'a', status: 'archived', sessions: [[5 * DAY, 5 * DAY + HOUR]] });
		await anExchange('shelved', { net: 'b', status: 'archived' });
		await anExchange('draft', { net: 'a', status: 'draft', sessions: [[2 * DAY, 2 * DAY + HOUR]] });
	});
	afterAll(() => database?.close());

	it('lists upcoming exchanges soonest first by their next session, the undated ones after, never drafts', async () => {
		const upcoming = await listPublicEvents(ctx, { when: 'upcoming', now: NOW });
		expect(slugs(upcoming)).toEqual(['live', 'soon', 'running', 'later', 'undated']);
		expect(upcoming.every((e) => e.upcoming)).toBe(true);
		expect(await countPublicEvents(ctx, { when: 'upcoming', now: NOW })).toBe(5);
	});

	it('lists past exchanges newest first by their last session, archived ones included, a session ending now counting as past', async () => {
		const past = await listPublicEvents(ctx, { when: 'past', now: NOW });
		expect(slugs(past)).toEqual(['archived', 'boundary', 'recent', 'old', 'shelved']);
		expect(past.some((e) => e.upcoming)).toBe(false);
		// A millisecond earlier, the boundary exchange was still on.
		const before = await listPublicEvents(ctx, { when: 'upcoming', now: new Date(NOW.getTime() - 1) });
		expect(slugs(before)).toContain('boundary');
	});

	it('lists every public exchange, upcoming first, and pages through them with a count that ignores the page', async () => {
		const all = await listPublicEvents(ctx, { when: 'all', now: NOW });
		expect(slugs(all)).toEqual(['live', 'soon', 'running', 'later', 'undated', 'archived', 'boundary', 'recent', 'old', 'shelved']);
		expect(slugs(all)).not.toContain('draft');
		const second = await listPublicEvents(ctx, { when: 'all', now: NOW, limit: 3, offset: 3 });
		expect(slugs(second)).toEqual(['later', 'undated', 'archived']);
		expect(await countPublicEvents(ctx, { when: 'all', now: NOW, limit: 3, offset: 3 })).toBe(10);
	});

	it('filters by network and by offered language', async () => {
		expect(slugs(await listPublicEvents(ctx, { networkId: nets.a.id, when: 'all', now: NOW }))).toEqual(['soon', 'later', 'archived', 'boundary', 'old']);
		expect(slugs(await listPublicEvents(ctx, { networkId: nets.b.id, when: 'past', now: NOW }))).toEqual(['recent', 'shelved']);
		expect(slugs(await listPublicEvents(ctx, { language: 'en', when: 'all', now: NOW }))).toEqual(['later']);
		expect(slugs(await listPublicEvents(ctx, { language: 'pt', networkId: nets.a.id, when: 'upcoming', now: NOW }))).toEqual(['soon']);
		expect(await countPublicEvents(ctx, { language: 'pt', networkId: nets.a.id, when: 'upcoming', now: NOW })).toBe(1);
	});

	it('gives each exchange its network, unit and sessions in order, without join links', async () => {
		const [soon] = await listPublicEvents(ctx, { networkId: nets.a.id, when: 'upcoming', limit: 1, now: NOW });
		expect(soon).toMatchObject({
			networkSlug: nets.a.slug,
			networkName: 'Red A',
			networkShortName: 'A',
			unit: { es: 'Planificación', pt: 'Planejamento' },
			unitSlug: 'planificacion',
			status: 'published',
			languages: ['es', 'pt'],
			firstStart: at(DAY),
			lastEnd: at(DAY + 2 * HOUR)
		});
		expect(soon.sessions).toEqual([{ id: expect.any(String), position: 1, title: { es: 'Sesión 1' }, startsAt: at(DAY), endsAt: at(DAY + 2 * HOUR), sequence: 0 }]);
		const running = (await listPublicEvents(ctx, { when: 'upcoming', now: NOW })).find((e) => e.id === ids.running)!;
		expect(running.sessions.map((s) => s.startsAt)).toEqual([at(-7 * DAY), at(3 * DAY)]);
		expect(running.unit).toBeNull();
	});

	it('reads each card’s phase with one registration query for the whole list', async () => {
		await database.db.insert(registrationSettings).values({ eventId: ids.later, opensAt: at(5 * DAY) });
		const events = await listPublicEvents(ctx, { when: 'all', now: NOW });
		const windows = await registrationWindows(ctx, { eventIds: events.map((e) => e.id), now: NOW });
		const phases = Object.fromEntries(events.map((e) => [e.slug.replace(`-${suffix}`, ''), eventPhase(e, e.sessions, windows.get(e.id)?.open ?? false, NOW)]));
		expect(phases).toEqual({
			live: 'live',
			soon: 'registration_open',
			running: 'registration_open',
			later: 'registration_closed',
			undated: 'no_dates',
			archived: 'archived',
			boundary: 'held',
			recent: 'held',
			old: 'held',
			shelved: 'archived'
		});
		expect(await registrationWindows(ctx, { eventIds: [], now: NOW })).toEqual(new Map());
	});

	it('finds a network by its slug, or by an old one (to redirect), and nothing for an unknown one', async () => {
		expect(await resolveNetworkSlug(ctx, nets.a.slug)).toMatchObject({ id: nets.a.id, slug: nets.a.slug, name: 'Red A', redirected: false });
		await database.db.insert(slugRedirect).values({ kind: 'network', slug: `antes-${suffix}`, targetId: nets.b.id });
		// An exchange's old slug is not a network's.
		await database.db.insert(slugRedirect).values({ kind: 'event', slug: `evento-antes-${suffix}`, targetId: nets.a.id });
		expect(await resolveNetworkSlug(ctx, `antes-${suffix}`)).toMatchObject({ id: nets.b.id, slug: nets.b.slug, redirected: true });
		expect(await resolveNetworkSlug(ctx, `evento-antes-${suffix}`)).toBeNull();
		expect(await resolveNetworkSlug(ctx, 'no-such-network')).toBeNull();
	});

	it('lists every network with its units and whether it has a logo', async () => {
		await database.db.update(network).set({ logo: Buffer.from([1, 2, 3]), logoType: 'image/png' }).where(eq(network.id, nets.b.id));
		const networks = await listPublicNetworks(ctx);
		const mine = networks.filter((n) => n.slug.endsWith(suffix));
		expect(mine.map((n) => [n.name, n.hasLogo, n.units.map((u) => u.slug)])).toEqual([
			['Red A', false, ['planificacion']],
			['Red B', true, []]
		]);
		expect(mine[0].units[0]).toEqual({ id: unitId, slug: 'planificacion', name: { es: 'Planificación', pt: 'Planejamento' }, description: {} });
		expect(Object.keys(mine[0])).not.toContain('logo');
	});
});

describe('the listing’s query string', () => {
	it('keeps what can be right and drops the rest, never failing on hostile input', () => {
		expect(parseEventListQuery(new URLSearchParams('network=mercociudades&when=past&lang=pt&page=2'))).toEqual({
			network: 'mercociudades',
			when: 'past',
			language: 'pt',
			page: 2
		});
		expect(parseEventListQuery(new URLSearchParams('when=tomorrow&lang=fr&page=-1'))).toEqual({ network: null, when: 'all', language: null, page: 1 });
		expect(parseEventListQuery(new URLSearchParams({ network: '\u0000<b>x\u202e'.padEnd(300, 'y'), page: '1e3', when: 'upcoming' }))).toEqual({
			network: '<b>x'.padEnd(80, 'y'),
			when: 'upcoming',
			language: null,
			page: 1000
		});
		expect(parseEventListQuery(new URLSearchParams('page=99999999&page=2')).page).toBe(1);
	});

	it('writes only what differs from the defaults', () => {
		const query = parseEventListQuery(new URLSearchParams('network=red&when=upcoming&lang=en&page=3'));
		expect(eventListQueryString(query)).toBe('?network=red&when=upcoming&lang=en&page=3');
		expect(eventListQueryString(query, { page: 1, network: null })).toBe('?when=upcoming&lang=en');
		expect(eventListQueryString(parseEventListQuery(new URLSearchParams('')))).toBe('');
	});
});
