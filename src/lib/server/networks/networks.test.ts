import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Actor, Ctx } from '../context.ts';
import { auditLog } from '../audit/schema.ts';
import { createEvent } from '../events/create.ts';
import { seedDemoExchange, seedDemoPractices, demoPractices, DEMO_EVENT_SLUG } from '../demo/index.ts';
import { listPublicEvents } from '../events/listing.ts';
import { aNetworkOrganiser, anOrganiser, aStranger, anEventOrganiser, testCtx, unique } from '../testing/factories.ts';
import { addUnit, createNetwork, moveUnit, removeUnit, updateNetwork, updateUnit } from './commands.ts';
import { removeNetworkLogo, setNetworkLogo } from './logo.ts';
import { getNetworkBySlug, getNetworkForAdmin, listNetworks, listUnits, networkLogo, networkPractices } from './queries.ts';
import type { NetworkInput, UnitInput } from './input.ts';
import { MAX_LOGO_SIDE } from './rules.ts';

const admin = anOrganiser({ email: 'admin@example.org' });

const networkInput = (overrides: Partial<NetworkInput> = {}): NetworkInput => ({
	slug: `red-${unique()}`,
	name: 'Red de Ciudades del Sur',
	shortName: 'RCS',
	websiteUrl: 'https://rcs.example.org',
	descriptionEs: 'Ciudades que cooperan.',
	descriptionPt: '',
	descriptionEn: '',
	...overrides
});
const unitInput = (nameEs: string, overrides: Partial<UnitInput> = {}): UnitInput => ({
	slug: '',
	nameEs,
	namePt: '',
	nameEn: '',
	descriptionEs: '',
	descriptionPt: '',
	descriptionEn: '',
	...overrides
});
const edit = (slug: string, overrides: Record<string, string> = {}) => ({
	locale: 'es' as const,
	slug,
	name: 'Red de Ciudades del Sur',
	shortName: 'RCS',
	websiteUrl: 'https://rcs.example.org',
	description: 'Ciudades que cooperan.',
	...overrides
});

/** An image made by sharp, of the given size and format (what a person would upload). */
const image = (width: number, height: number, format: 'png' | 'jpeg' | 'gif' | 'webp') =>
	sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 160 } } })
		.toFormat(format)
		.toBuffer()
		.then((b) => new Uint8Array(b));

describe.each(testDatabases())('networks on $name', ({ open }) => {
	let database: Database;
	const ctx = (actor?: Actor): Ctx => testCtx(database.db, actor);
	const audits = (entityId: string, action: string) =>
		database.db.select().from(auditLog).where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

	beforeAll(async () => {
		database = await open();
		// The demo exchange is seeded only into an installation without exchanges: first, then.
		await seedDemoExchange(ctx({ kind: 'system', job: 'seed' }));
		await seedDemoPractices(ctx({ kind: 'system', job: 'seed' }));
	});
	afterAll(() => database?.close());

	it('lets only an administrator create a network; a network organiser and a stranger are refused and nothing is written', async () => {
		const id = await createNetwork({ ctx: ctx(admin), input: networkInput({ slug: 'red-del-sur', name: 'Red del Sur' }) });
		const [entry] = await audits(id, 'network.created');
		expect(entry.actorEmail).toBe('admin@example.org');
		expect(entry.details).toEqual({ slug: 'red-del-sur', name: 'Red del Sur' });

		for (const actor of [aNetworkOrganiser(id), aStranger(), anEventOrganiser('00000000-0000-4000-8000-000000000000')]) {
			await expect(createNetwork({ ctx: ctx(actor), input: networkInput({ slug: `otra-${unique()}` }) })).rejects.toMatchObject({ code: 'forbidden' });
		}
		expect((await listNetworks(ctx())).map((n) => [n.slug, n.units])).toEqual([
			['mercociudades', 1],
			['red-del-sur', 0]
		]);
		// The same address twice is refused.
		await expect(createNetwork({ ctx: ctx(admin), input: networkInput({ slug: 'red-del-sur' }) })).rejects.toMatchObject({ code: 'conflict', messageKey: 'slug_taken' });
	});

	it('lets the network’s organiser edit it; an organiser of another network is refused', async () => {
		const id = await createNetwork({ ctx: ctx(admin), input: networkInput() });
		const other = await createNetwork({ ctx: ctx(admin), input: networkInput() });
		const before = await getNetworkForAdmin(ctx(), id);
		const organiser = aNetworkOrganiser(id);
		await updateNetwork({ ctx: ctx(organiser), networkId: id, input: edit(before!.slug, { locale: 'pt', description: 'Cidades que cooperam.', shortName: 'Sul' }) });
		const after = await getNetworkForAdmin(ctx(), id);
		expect(after!.description).toEqual({ es: 'Ciudades que cooperan.', pt: 'Cidades que cooperam.' });
		expect(after!.shortName).toBe('Sul');
		const [entry] = await audits(id, 'network.updated');
		expect(entry.actorEmail).toBe(organiser.email);
		expect(entry.details).toEqual({ name: 'Red de Ciudades del Sur', locale: 'pt', fields: ['shortName', 'description'] });

		await expect(updateNetwork({ ctx: ctx(aNetworkOrganiser(other)), networkId: id, input: edit(before!.slug, { name: 'Robada' }) })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(updateNetwork({ ctx: ctx(aStranger()), networkId: id, input: edit(before!.slug, { name: 'Robada' }) })).rejects.toMatchObject({ code: 'forbidden' });
		expect((await getNetworkForAdmin(ctx(), id))!.name).toBe('Red de Ciudades del Sur');
		// Saving what is already there changes nothing and records nothing.
		await updateNetwork({ ctx: ctx(organiser), networkId: id, input: edit(before!.slug, { locale: 'pt', description: 'Cidades que cooperam.', shortName: 'Sul' }) });
		expect(await audits(id, 'network.updated')).toHaveLength(1);
	});

	it('keeps an old address redirecting after a slug change, takes it back, and refuses an address another network has or had', async () => {
		const a = await createNetwork({ ctx: ctx(admin), input: networkInput({ slug: 'red-antes' }) });
		const b = await createNetwork({ ctx: ctx(admin), input: networkInput({ slug: 'red-vecina' }) });
		await updateNetwork({ ctx: ctx(admin), networkId: a, input: edit('red-despues') });

		const old = await getNetworkBySlug(ctx(), 'red-antes');
		expect(old).toMatchObject({ id: a, slug: 'red-despues', redirected: true });
		expect(await getNetworkBySlug(ctx(), 'red-despues')).toMatchObject({ id: a, slug: 'red-despues', redirected: false });
		const [entry] = await audits(a, 'network.updated');
		expect(entry.details).toEqual({ name: 'Red de Ciudades del Sur', locale: 'es', fields: ['slug'], slug: { from: 'red-antes', to: 'red-despues' } });

		// Another network can take neither the current address nor the old one.
		await expect(updateNetwork({ ctx: ctx(admin), networkId: b, input: edit('red-despues') })).rejects.toMatchObject({ code: 'conflict', messageKey: 'slug_taken' });
		await expect(updateNetwork({ ctx: ctx(admin), networkId: b, input: edit('red-antes') })).rejects.toMatchObject({ code: 'conflict', messageKey: 'slug_taken' });
		await expect(createNetwork({ ctx: ctx(admin), input: networkInput({ slug: 'red-antes' }) })).rejects.toMatchObject({ messageKey: 'slug_taken' });
		expect((await getNetworkForAdmin(ctx(), b))!.slug).toBe('red-vecina');

		// The network takes its old address back: it answers directly, and the other one redirects.
		await updateNetwork({ ctx: ctx(admin), networkId: a, input: edit('red-antes') });
		expect(await getNetworkBySlug(ctx(), 'red-antes')).toMatchObject({ id: a, slug: 'red-antes', redirected: false });
		expect(await getNetworkBySlug(ctx(), 'red-despues')).toMatchObject({ id: a, slug: 'red-antes', redirected: true });
		expect(await getNetworkBySlug(ctx(), 'no-existe')).toBeNull();
	});

	it('keeps a PNG logo as PNG and a JPEG as JPEG, at most 512 px a side, and serves it by the current slug', async () => {
		const id = await createNetwork({ ctx: ctx(admin), input: networkInput() });
		const slug = (await getNetworkForAdmin(ctx(), id))!.slug;
		await setNetworkLogo({ ctx: ctx(admin), networkId: id, bytes: await image(2000, 1000, 'png') });
		let logo = await networkLogo(ctx(), slug);
		expect(logo!.type).toBe('image/png');
		let meta = await sharp(logo!.bytes).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['png', MAX_LOGO_SIDE, 256]);
		expect(logo!.version).toMatch(/^[0-9a-f]{16}$/);
		const pngVersion = logo!.version;

		await setNetworkLogo({ ctx: ctx(aNetworkOrganiser(id)), networkId: id, bytes: await image(600, 900, 'jpeg') });
		logo = await networkLogo(ctx(), slug);
		expect(logo!.type).toBe('image/jpeg');
		meta = await sharp(logo!.bytes).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 341, MAX_LOGO_SIDE]);
		expect(logo!.version).not.toBe(pngVersion);

		// A small logo is not enlarged.
		await setNetworkLogo({ ctx: ctx(admin), networkId: id, bytes: await image(120, 80, 'png') });
		meta = await sharp((await networkLogo(ctx(), slug))!.bytes).metadata();
		expect([meta.width, meta.height]).toEqual([120, 80]);

		const entries = await audits(id, 'network.logo_set');
		expect(entries.map((e) => e.details)).toEqual(
			expect.arrayContaining([
				{ name: 'Red de Ciudades del Sur', type: 'image/png', width: 512, height: 256 },
				{ name: 'Red de Ciudades del Sur', type: 'image/jpeg', width: 341, height: 512 }
			])
		);
		expect(entries).toHaveLength(3);

		await removeNetworkLogo({ ctx: ctx(admin), networkId: id });
		expect(await networkLogo(ctx(), slug)).toBeNull();
		expect((await audits(id, 'network.logo_removed'))[0].actorEmail).toBe('admin@example.org');
	});

	it('refuses an SVG, a GIF, a WebP, garbage and a PNG name on other bytes, keeping the logo it had', async () => {
		const id = await createNetwork({ ctx: ctx(admin), input: networkInput() });
		const slug = (await getNetworkForAdmin(ctx(), id))!.slug;
		await setNetworkLogo({ ctx: ctx(admin), networkId: id, bytes: await image(100, 100, 'png') });
		const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
		const truncatedPng = (await image(300, 300, 'png')).slice(0, 60);
		const cases: [Uint8Array, string][] = [
			[svg, 'logo_type'],
			[await image(50, 50, 'gif'), 'logo_type'],
			[await image(50, 50, 'webp'), 'logo_type'],
			[new TextEncoder().encode('not an image at all'), 'logo_type'],
			[truncatedPng, 'logo_unreadable'],
			[new Uint8Array(), 'file_empty']
		];
		for (const [bytes, messageKey] of cases) {
			await expect(setNetworkLogo({ ctx: ctx(admin), networkId: id, bytes })).rejects.toMatchObject({ code: 'invalid', messageKey });
		}
		await expect(setNetworkLogo({ ctx: ctx(aStranger()), networkId: id, bytes: await image(10, 10, 'png') })).rejects.toMatchObject({ code: 'forbidden' });
		const kept = await networkLogo(ctx(), slug);
		expect(kept!.type).toBe('image/png');
		expect((await sharp(kept!.bytes).metadata()).width).toBe(100);
		expect(await audits(id, 'network.logo_set')).toHaveLength(1);
	});

	it('adds, renames, reorders and removes units; a unit with an exchange cannot be removed', async () => {
		const id = await createNetwork({ ctx: ctx(admin), input: networkInput() });
		const organiser = aNetworkOrganiser(id);
		const planning = await addUnit({ ctx: ctx(organiser), networkId: id, input: unitInput('Planificación', { namePt: 'Planejamento' }) });
		const culture = await addUnit({ ctx: ctx(organiser), networkId: id, input: unitInput('Cultura') });
		const youth = await addUnit({ ctx: ctx(admin), networkId: id, input: unitInput('Juventudes') });
		const names = async () => (await listUnits(ctx(), id)).map((u) => u.name.es);
		expect(await names()).toEqual(['Planificación', 'Cultura', 'Juventudes']);
		await expect(addUnit({ ctx: ctx(aStranger()), networkId: id, input: unitInput('Intrusa') })).rejects.toMatchObject({ code: 'forbidden' });

		// Renaming one language; emptying a translation falls back to Spanish; Spanish cannot be emptied.
		await updateUnit({ ctx: ctx(organiser), networkId: id, unitId: planning, input: { locale: 'es', name: 'Planificación Estratégica', description: 'Planes de ciudad.' } });
		await updateUnit({ ctx: ctx(organiser), networkId: id, unitId: planning, input: { locale: 'pt', name: '', description: '' } });
		let units = await listUnits(ctx(), id);
		expect(units[0]).toMatchObject({ name: { es: 'Planificación Estratégica' }, description: { es: 'Planes de ciudad.' } });
		await expect(updateUnit({ ctx: ctx(organiser), networkId: id, unitId: planning, input: { locale: 'es', name: '', description: '' } })).rejects.toMatchObject({ messageKey: 'required' });
		const renamed = await audits(planning, 'unit.updated');
		expect(renamed.map((e) => e.details)).toEqual(
			expect.arrayContaining([
				{ networkId: id, locale: 'es', from: 'Planificación', to: 'Planificación Estratégica', descriptionChanged: true },
				{ networkId: id, locale: 'pt', from: 'Planejamento', to: 'Planificación Estratégica', descriptionChanged: false }
			])
		);

		// Order: the last goes up once, the first cannot go up.
		await moveUnit({ ctx: ctx(organiser), networkId: id, unitId: youth, direction: 'up' });
		expect(await names()).toEqual(['Planificación Estratégica', 'Juventudes', 'Cultura']);
		await expect(moveUnit({ ctx: ctx(organiser), networkId: id, unitId: planning, direction: 'up' })).rejects.toMatchObject({ messageKey: 'unit_cannot_move' });
		await expect(moveUnit({ ctx: ctx(organiser), networkId: id, unitId: culture, direction: 'down' })).rejects.toMatchObject({ messageKey: 'unit_cannot_move' });
		expect((await audits(youth, 'unit.moved'))[0].details).toEqual({ networkId: id, name: 'Juventudes', direction: 'up', position: 2 });
		expect(await audits(planning, 'unit.moved')).toHaveLength(0);

		// A unit an exchange belongs to stays, and the editor says how many exchanges use it.
		await createEvent({
			ctx: ctx(organiser),
			input: { networkId: id, unitId: culture, slug: `cultura-${unique()}`, title: 'Intercambio de cultura', timeZone: 'America/Montevideo', languages: ['es'] }
		});
		expect((await getNetworkForAdmin(ctx(), id))!.units.map((u) => [u.name.es, u.exchanges])).toEqual([
			['Planificación Estratégica', 0],
			['Juventudes', 0],
			['Cultura', 1]
		]);
		await expect(removeUnit({ ctx: ctx(organiser), networkId: id, unitId: culture })).rejects.toMatchObject({ code: 'conflict', messageKey: 'unit_in_use' });
		await expect(removeUnit({ ctx: ctx(aStranger()), networkId: id, unitId: youth })).rejects.toMatchObject({ code: 'forbidden' });
		// A unit of another network is not found through this one.
		const other = await createNetwork({ ctx: ctx(admin), input: networkInput() });
		await expect(removeUnit({ ctx: ctx(admin), networkId: other, unitId: youth })).rejects.toMatchObject({ code: 'not_found' });

		await removeUnit({ ctx: ctx(organiser), networkId: id, unitId: youth });
		expect(await names()).toEqual(['Planificación Estratégica', 'Cultura']);
		const [removed] = await audits(youth, 'unit.removed');
		expect([removed.actorEmail, removed.details]).toEqual([organiser.email, { networkId: id, name: 'Juventudes' }]);
		// After the removal, moving still works on the positions left.
		await moveUnit({ ctx: ctx(organiser), networkId: id, unitId: culture, direction: 'up' });
		units = await listUnits(ctx(), id);
		expect(units.map((u) => [u.name.es, u.position])).toEqual([
			['Cultura', 1],
			['Planificación Estratégica', 2]
		]);
	});

	it('counts the practices presented at a network’s exchanges, and none for a network without them', async () => {
		const demo = await getNetworkBySlug(ctx(), 'mercociudades');
		const presented = demoPractices.filter((d) => d.session !== null).length;
		const practices = await networkPractices(ctx(), { networkId: demo!.id, limit: 3 });
		expect(practices.count).toBe(presented);
		expect(practices.latest).toHaveLength(Math.min(3, presented));
		expect(practices.latest.every((p) => p.demo)).toBe(true);
		const empty = await createNetwork({ ctx: ctx(admin), input: networkInput() });
		expect(await networkPractices(ctx(), { networkId: empty })).toEqual({ count: 0, latest: [] });
		expect(demo!.isDemo).toBe(true);
		// The network page's exchanges: the demo's 2021 exchange is past, none is upcoming.
		const now = new Date();
		expect((await listPublicEvents(ctx(), { networkId: demo!.id, when: 'past', now })).map((e) => e.slug)).toEqual([DEMO_EVENT_SLUG]);
		expect(await listPublicEvents(ctx(), { networkId: demo!.id, when: 'upcoming', now })).toEqual([]);
	});
});
