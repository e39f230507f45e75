import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Ctx } from '../context.ts';
import { anOrganiser, testCtx } from '../testing/factories.ts';
import { archivePractice, insertPublishedPractice } from './commands.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START, searchPractices } from './search.ts';
import { CITY, practiceInput, searchParams } from './testing.ts';
import { seedDemoContent } from '../demo/index.ts';

describe.each(testDatabases())('searching the repository on $name', ({ open }) => {
	let database: Database;
	let ctx: Ctx;
	const ids: Record<string, string> = {};
	const slugs = (r: { hits: { slug: string }[] }) => r.hits.map((h) => h.slug);

	beforeAll(async () => {
		database = await open();
		ctx = testCtx(database.db, { kind: 'system', job: 'test' });
		const add = async (key: string, input: Parameters<typeof practiceInput>[0]) => {
			ids[key] = (await insertPublishedPractice({ ctx, input: practiceInput(input) })).id;
		};
		await add('budget', {
			language: 'pt',
			title: 'Orçamento participativo digital nos bairros',
			summary: 'A cidade abriu o orçamento participativo a votação pela internet e em assembleias de bairro.',
			geonamesIds: [CITY.portoAlegre],
			axes: ['participacion-ciudadana', 'innovacion-planificacion'],
			articulation: 'municipal',
			startYear: 2017,
			sdgs: [11, 16],
			texts: { lessons: 'A participação cresce quando as obras votadas são entregues no prazo.' }
		});
		await add('gardens', {
			title: 'Huertas urbanas comunitarias en terrenos baldíos',
			summary: 'Vecinos y escuelas cultivan alimentos en predios municipales con apoyo técnico.',
			geonamesIds: [CITY.rosario],
			axes: ['participacion-ciudadana'],
			articulation: 'municipal',
			startYear: 2015,
			sdgs: [2, 11],
			texts: { participation: 'Participación de organizaciones barriales en la gestión de cada huerta.' }
		});
		await add('metro', {
			title: 'Plan metropolitano de movilidad coordinado entre municipios',
			summary: 'Tres gobiernos locales acordaron un plan común de transporte y ciclovías.',
			geonamesIds: [CITY.montevideo, CITY.canelones],
			axes: ['innovacion-planificacion'],
			articulation: 'metropolitan',
			startYear: 2019,
			sdgs: [11],
			texts: { actions: 'Se creó una mesa técnica metropolitana con participación de cada intendencia.' }
		});
		await add('pandemic', {
			title: 'Reprogramación del plan estratégico durante la pandemia',
			summary: 'El municipio revisó sus prioridades y trasladó trámites a un gobierno digital.',
			geonamesIds: [CITY.rafaela],
			axes: ['adaptabilidad-pandemia'],
			articulation: 'multilevel',
			startYear: 2020,
			sdgs: [3, 11],
			texts: { results: 'Mayor participación en línea de los vecinos en consultas públicas.' }
		});
		await add('archived', {
			title: 'Presupuesto participativo retirado',
			summary: 'Una práctica archivada no debe aparecer.',
			geonamesIds: [CITY.saoPaulo]
		});
		await archivePractice({ ctx: testCtx(database.db, anOrganiser()), practiceId: ids.archived });
	});
	afterAll(() => database?.close());

	it('ignores accents both ways and stems Spanish and Portuguese', async () => {
		expect(slugs(await searchPractices(ctx, searchParams({ q: 'orcamento' })))).toEqual(['orcamento-participativo-digital-nos-bairros']);
		expect(slugs(await searchPractices(ctx, searchParams({ q: 'huerta' })))).toEqual(['huertas-urbanas-comunitarias-en-terrenos-baldios']);
		// "participacion" without its accent finds every practice that speaks of participación,
		// and the Portuguese one that speaks of participação.
		const participation = await searchPractices(ctx, searchParams({ q: 'participacion' }));
		expect(participation.total).toBe(4);
		expect(new Set(slugs(participation))).toEqual(
			new Set([
				'orcamento-participativo-digital-nos-bairros',
				'huertas-urbanas-comunitarias-en-terrenos-baldios',
				'plan-metropolitano-de-movilidad-coordinado-entre-municipios',
				'reprogramacion-del-plan-estrategico-durante-la-pandemia'
			])
		);
		// A Portuguese plural finds the Portuguese singular.
		expect(slugs(await searchPractices(ctx, searchParams({ q: 'orçamentos' })))).toEqual(['orcamento-participativo-digital-nos-bairros']);
		// Spanish words find the Portuguese practice: presupuesto = orçamento.
		expect(slugs(await searchPractices(ctx, searchParams({ q: 'presupuesto participativo' })))).toEqual(['orcamento-participativo-digital-nos-bairros']);
	});

	it('ranks a title match above a match deep in the text, and highlights the words', async () => {
		const result = await searchPractices(ctx, searchParams({ q: 'pandemia' }));
		expect(slugs(result)[0]).toBe('reprogramacion-del-plan-estrategico-durante-la-pandemia');
		const gardens = await searchPractices(ctx, searchParams({ q: 'cultivan alimentos' }));
		expect(gardens.hits[0].snippet).toContain(`${HIGHLIGHT_START}cultivan${HIGHLIGHT_END} ${HIGHLIGHT_START}alimentos${HIGHLIGHT_END}`);
		const city = await searchPractices(ctx, searchParams({ q: 'Canelones' }));
		expect(slugs(city)).toEqual(['plan-metropolitano-de-movilidad-coordinado-entre-municipios']);
	});

	it('still finds a practice when a word is misspelt, and says what it searched', async () => {
		const result = await searchPractices(ctx, searchParams({ q: 'huertsa urbanas' }));
		// «huertsa» is nearest to «huerta» (in the text) or «huertas» (in the title): either finds it.
		expect(result.correctedQuery).toMatch(/^huertas? urbanas$/);
		expect(slugs(result)).toEqual(['huertas-urbanas-comunitarias-en-terrenos-baldios']);
		const pt = await searchPractices(ctx, searchParams({ q: 'orsamento' }));
		expect(slugs(pt)).toEqual(['orcamento-participativo-digital-nos-bairros']);
		const nothing = await searchPractices(ctx, searchParams({ q: 'xylofonqz' }));
		expect(nothing).toMatchObject({ total: 0, hits: [], correctedQuery: null });
	});

	it('filters by several facets and counts each facet under the other filters', async () => {
		const all = await searchPractices(ctx, searchParams());
		expect(all.total).toBe(4);
		expect(all.facets.axes).toEqual([
			{ value: 'participacion-ciudadana', count: 2 },
			{ value: 'innovacion-planificacion', count: 2 },
			{ value: 'adaptabilidad-pandemia', count: 1 }
		].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)));
		expect(all.facets.countries).toEqual([
			{ value: 'AR', count: 2 },
			{ value: 'BR', count: 1 },
			{ value: 'UY', count: 1 }
		]);
		expect(all.facets.bands).toEqual([
			{ value: '1m-5m', count: 3 },
			{ value: '50k-200k', count: 1 }
		]);

		const argentina = await searchPractices(ctx, searchParams({ countries: ['AR'] }));
		expect(argentina.total).toBe(2);
		// The country facet ignores its own filter (pick more countries); the others follow it.
		expect(argentina.facets.countries.map((c) => c.value)).toEqual(['AR', 'BR', 'UY']);
		expect(argentina.facets.articulations).toEqual([
			{ value: 'multilevel', count: 1 },
			{ value: 'municipal', count: 1 }
		]);

		const two = await searchPractices(ctx, searchParams({ countries: ['AR', 'UY'], axes: ['participacion-ciudadana'], sdgs: [2] }));
		expect(slugs(two)).toEqual(['huertas-urbanas-comunitarias-en-terrenos-baldios']);
		const wordsAndFacet = await searchPractices(ctx, searchParams({ q: 'participacion', years: [2019, 2020], sort: 'title' }));
		expect(slugs(wordsAndFacet)).toEqual([
			'plan-metropolitano-de-movilidad-coordinado-entre-municipios',
			'reprogramacion-del-plan-estrategico-durante-la-pandemia'
		]);
		expect((await searchPractices(ctx, searchParams({ languages: ['pt'] }))).total).toBe(1);
	});

	it('pages through results and never shows archived practices', async () => {
		const page1 = await searchPractices(ctx, searchParams({ perPage: 3, sort: 'title' }));
		const page2 = await searchPractices(ctx, searchParams({ perPage: 3, page: 2, sort: 'title' }));
		expect(page1.total).toBe(4);
		expect(page2.total).toBe(4);
		expect([...slugs(page1), ...slugs(page2)]).toHaveLength(4);
		const beyond = await searchPractices(ctx, searchParams({ perPage: 3, page: 5 }));
		expect(beyond).toMatchObject({ total: 4, hits: [] });
		expect((await searchPractices(ctx, searchParams({ q: 'retirado' }))).total).toBe(0);
	});
});

describe.each(testDatabases())('phrases in the demo repository on $name', ({ open }) => {
	let database: Database;
	let ctx: Ctx;
	const slugs = (r: { hits: { slug: string }[] }) => r.hits.map((h) => h.slug);
	// The demo practices holding "orçamento participativo" / "presupuesto participativo" as a phrase.
	const PHRASE = [
		'orcamento-participativo-regioes-assembleias-votacao-online',
		'orcamento-participativo-conselho-desenvolvimento-pequeno-porte',
		'presupuesto-participativo-barrios-votacion-digital-presencial',
		'plano-estrategico-longo-prazo-escuta-cidada'
	];

	beforeAll(async () => {
		database = await open();
		ctx = testCtx(database.db, { kind: 'system', job: 'seed' });
		await seedDemoContent(ctx, { info() {} });
	}, 60_000);
	afterAll(() => database?.close());

	it('ranks the practices holding the words as a phrase first, and counts them', async () => {
		for (const q of ['orcamento participativo', 'presupuesto participativo', 'Orçamento Participativo']) {
			const found = await searchPractices(ctx, searchParams({ q, perPage: 50 }));
			expect(found).toMatchObject({ total: 14, phraseTotal: 4 });
			expect(slugs(found).slice(0, 4).sort()).toEqual([...PHRASE].sort());
			// The urban gardens mention a budget and participation, apart: found, but after the phrase.
			expect(slugs(found).indexOf('red-huertas-urbanas-periurbanas-alimentos-proximidad')).toBeGreaterThanOrEqual(4);
		}
		// The next page still knows how many hold the phrase.
		expect(await searchPractices(ctx, searchParams({ q: 'orcamento participativo', perPage: 10, page: 2 }))).toMatchObject({ total: 14, phraseTotal: 4 });
		expect((await searchPractices(ctx, searchParams({ q: 'orcamento participativo', perPage: 10, page: 3 }))).phraseTotal).toBe(4);
		// Quoted, only the phrase is searched; one word or operators are no phrase search.
		const quoted = await searchPractices(ctx, searchParams({ q: '"orcamento participativo"', perPage: 50 }));
		expect([...slugs(quoted)].sort()).toEqual([...PHRASE].sort());
		expect(quoted.phraseTotal).toBeNull();
		expect((await searchPractices(ctx, searchParams({ q: 'participativo' }))).phraseTotal).toBeNull();
		expect((await searchPractices(ctx, searchParams({ q: 'orcamento or huertas' }))).phraseTotal).toBeNull();
	});
});
