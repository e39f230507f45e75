import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Ctx } from '../context.ts';
import { testCtx } from '../testing/factories.ts';
import { seedDemoContent, DEMO_EVENT_SLUG, demoPractices } from '../demo/index.ts';
import { event } from '../events/schema.ts';
import { network } from '../networks/schema.ts';
import { insertPublishedPractice } from './commands.ts';
import { searchPractices } from './search.ts';
import { parseSearchParams, searchQueryString } from './input.ts';
import { practiceInput, searchParams } from './testing.ts';
import { openApiDocument } from './openapi.ts';

// A practice belongs to a network when it was presented at one of the network's exchanges.
describe.each(testDatabases())('filtering practices by network on $name', ({ open }) => {
	let database: Database;
	let ctx: Ctx;
	const presented = demoPractices.filter((d) => d.session !== null).length;

	beforeAll(async () => {
		database = await open();
		ctx = testCtx(database.db, { kind: 'system', job: 'test' });
		await seedDemoContent(ctx, { info() {} });
		// A second network with one exchange and one practice presented there.
		const [other] = await database.db.insert(network).values({ slug: 'red-metropolitana', name: 'Red Metropolitana' }).returning({ id: network.id });
		const [exchange] = await database.db
			.insert(event)
			.values({
				slug: 'movilidad-2030',
				networkId: other.id,
				title: { es: 'Movilidad' },
				summary: { es: '' },
				background: { es: '' },
				objective: { es: '' },
				format: { es: '' },
				timeZone: 'America/Sao_Paulo',
				status: 'published'
			})
			.returning({ id: event.id });
		await insertPublishedPractice({ ctx, input: practiceInput({ title: 'Carriles exclusivos de ómnibus', origin: 'event', eventId: exchange.id }) });
	}, 60_000);
	afterAll(() => database?.close());

	it('shows only the practices presented at the network’s exchanges, not the ones submitted directly', async () => {
		const demo = await searchPractices(ctx, searchParams({ networks: ['mercociudades'], perPage: 100 }));
		expect(demo.total).toBe(presented);
		expect(demo.total).toBe(12);
		const [demoEvent] = await database.db.select({ id: event.id }).from(event).where(eq(event.slug, DEMO_EVENT_SLUG));
		expect(demo.hits.every((h) => h.eventId === demoEvent.id)).toBe(true);
		const submittedDirectly = demoPractices.filter((d) => d.session === null).map((d) => d.slug);
		expect(demo.hits.map((h) => h.slug).filter((s) => submittedDirectly.includes(s))).toEqual([]);

		const other = await searchPractices(ctx, searchParams({ networks: ['red-metropolitana'] }));
		expect(other.hits.map((h) => h.title)).toEqual(['Carriles exclusivos de ómnibus']);
		const both = await searchPractices(ctx, searchParams({ networks: ['mercociudades', 'red-metropolitana'] }));
		expect(both.total).toBe(13);
		expect((await searchPractices(ctx, searchParams({ networks: ['no-such-network'] }))).total).toBe(0);
	});

	it('counts each network in the facets, under the other filters', async () => {
		const all = await searchPractices(ctx, searchParams());
		expect(all.total).toBe(25);
		expect(all.facets.networks).toEqual([
			{ value: 'mercociudades', count: 12 },
			{ value: 'red-metropolitana', count: 1 }
		]);
		// Its own filter leaves every network counted, so a visitor can add another one.
		const chosen = await searchPractices(ctx, searchParams({ networks: ['red-metropolitana'] }));
		expect(chosen.facets.networks).toEqual(all.facets.networks);
		const portuguese = await searchPractices(ctx, searchParams({ languages: ['pt'] }));
		expect(portuguese.facets.networks.map((f) => f.value)).toEqual(['mercociudades']);
	});

	it('reads ?network= from the address (the page and the API), dropping values that cannot be slugs', () => {
		const params = parseSearchParams(new URL('http://x/practices?network=mercociudades&network=%3Cb%3E&network=Red%20X'));
		expect(params.networks).toEqual(['mercociudades']);
		expect(searchQueryString(params)).toBe('?network=mercociudades');
		const parameters = openApiDocument('http://x').paths['/api/v1/practices'].get.parameters.map((p) => p.name);
		expect(parameters).toContain('network');
	});
});
