import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { anOrganiser, aReviewer, testCtx } from '../testing/factories.ts';
import { ANONYMOUS } from '../context.ts';
import { auditLog } from '../audit/schema.ts';
import { seedDemoExchange, seedDemoPractices } from '../demo/index.ts';
import { archivePractice, recordPublishedPractice, revisePublishedPractice } from './commands.ts';
import { slugify } from './write.ts';
import { demoPractices } from '../demo/index.ts';
import { versionChanges } from './history.ts';
import { allOpenPractices, practicesCsv } from './open-data.ts';
import { getPracticePage, listPracticeVersions, similarPractices } from './queries.ts';
import { searchPractices } from './search.ts';
import { CITY, practiceInput, searchParams } from './testing.ts';
import { otherLanguageQuery } from './bilingual.ts';
import { addPlace, localPlaces } from './places.ts';
import { parseBasics } from './submission-input.ts';
import { insertSyntheticPractices } from './synthetic.ts';

const organiser = anOrganiser();
const reviewer = aReviewer();

describe.each(testDatabases())('the repository on $name', ({ open }) => {
	let database: Database;
	beforeAll(async () => {
		database = await open();
	});
	afterAll(() => database?.close());

	it('ships 24 illustrative practices over every axis, size band and level, labelled as demo', async () => {
		const seeder = testCtx(database.db, { kind: 'system', job: 'seed' });
		await seedDemoExchange(seeder);
		expect(await seedDemoPractices(seeder)).toEqual({ created: 24 });
		expect(await seedDemoPractices(seeder)).toEqual({ created: 0 });
		const all = await searchPractices(testCtx(database.db), searchParams({ perPage: 50 }));
		expect(all.total).toBe(24);
		expect(all.hits.every((h) => h.demo)).toBe(true);
		expect(all.facets.axes.map((f) => f.value).sort()).toEqual(['adaptabilidad-pandemia', 'innovacion-planificacion', 'participacion-ciudadana']);
		expect(all.facets.bands.map((f) => f.value).sort()).toEqual(['1m-5m', '200k-1m', '20k-50k', '50k-200k', 'over-5m', 'under-20k']);
		expect(all.facets.articulations).toHaveLength(5);
		expect(all.facets.languages.map((f) => f.value).sort()).toEqual(['es', 'pt']);
		// Those presented at the exchange are linked to it and can be filtered by it.
		const fromEvent = demoPractices.filter((d) => d.session !== null).length;
		expect(all.facets.events).toEqual([{ value: expect.any(String), count: fromEvent }]);
		const page = await getPracticePage(testCtx(database.db), { slug: demoPractices[0].slug });
		expect(page).toMatchObject({ demo: true, status: 'published', version: 1, origin: 'event' });
	});

	it('keeps every published version and says what changed', async () => {
		const ctx = testCtx(database.db, organiser);
		const first = await recordPublishedPractice({
			ctx,
			input: practiceInput({ title: 'Mesa de diálogo barrial', summary: 'Primera versión.', geonamesIds: [CITY.rafaela], tags: ['diálogo'] })
		});
		expect(first.slug).toBe('mesa-de-dialogo-barrial');
		const again = await recordPublishedPractice({ ctx, input: practiceInput({ title: 'Mesa de diálogo barrial' }) });
		expect(again.slug).toBe('mesa-de-dialogo-barrial-2');

		await revisePublishedPractice({
			ctx,
			practiceId: first.id,
			input: practiceInput({ title: 'Mesa de diálogo barrial', summary: 'Segunda versión, corregida.', geonamesIds: [CITY.rafaela], tags: ['diálogo'] }),
			note: 'Resumen corregido por la ciudad'
		});
		const page = await getPracticePage(testCtx(database.db), { slug: 'mesa-de-dialogo-barrial' });
		expect(page?.summary).toBe('Segunda versión, corregida.');
		expect(page?.version).toBe(2);
		// Search reads the corrected text at once, and no longer the old one.
		const bySlug = async (q: string) => (await searchPractices(testCtx(database.db), searchParams({ q }))).hits.filter((h) => h.id === first.id);
		expect(await bySlug('corregida')).toHaveLength(1);
		expect(await bySlug('primera')).toHaveLength(0);
		const history = versionChanges(await listPracticeVersions(testCtx(database.db), { practiceId: first.id }));
		expect(history.map((v) => [v.version, v.first, v.changes])).toEqual([
			[2, false, [{ field: 'summary', before: 'Primera versión.', after: 'Segunda versión, corregida.' }]],
			[1, true, []]
		]);
		const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, first.id));
		expect(audit.map((a) => a.action)).toEqual(['practice.published', 'practice.published']);
	});

	it('refuses anyone but an organiser, and archived practices leave search but keep their page', async () => {
		await expect(recordPublishedPractice({ ctx: testCtx(database.db, reviewer), input: practiceInput() })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(recordPublishedPractice({ ctx: testCtx(database.db, ANONYMOUS), input: practiceInput() })).rejects.toMatchObject({ code: 'forbidden' });
		const ctx = testCtx(database.db, organiser);
		const p = await recordPublishedPractice({ ctx, input: practiceInput({ title: 'Práctica para archivar zzyzx' }) });
		expect((await searchPractices(testCtx(database.db), searchParams({ q: 'zzyzx' }))).total).toBe(1);
		await expect(archivePractice({ ctx: testCtx(database.db, reviewer), practiceId: p.id })).rejects.toMatchObject({ code: 'forbidden' });
		await archivePractice({ ctx, practiceId: p.id });
		expect((await searchPractices(testCtx(database.db), searchParams({ q: 'zzyzx' }))).total).toBe(0);
		expect((await getPracticePage(testCtx(database.db), { slug: p.slug }))?.status).toBe('archived');
	});

	it('suggests similar practices by words and facets', async () => {
		const target = (await getPracticePage(testCtx(database.db), { slug: 'presupuesto-participativo-barrios-votacion-digital-presencial' }))!;
		const similar = await similarPractices(testCtx(database.db), { target });
		expect(similar).toHaveLength(4);
		expect(similar.map((s) => s.slug)).not.toContain(target.slug);
		// The Brazilian participatory budgets share the words and the axis.
		expect(similar.map((s) => s.slug)).toContain('orcamento-participativo-regioes-assembleias-votacao-online');
	});

	it('exports CSV that a spreadsheet cannot mistake for formulas', async () => {
		await recordPublishedPractice({
			ctx: testCtx(database.db, organiser),
			input: practiceInput({ title: '=HYPERLINK("http://evil.example") trampa', summary: '+1 y @SUM(A1)' })
		});
		const csv = practicesCsv(await allOpenPractices(testCtx(database.db, ANONYMOUS, { origin: 'https://intercambio.example.org' })));
		expect(csv.startsWith('\uFEFFid,slug,url,title')).toBe(true);
		expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"") trampa"`);
		expect(csv).toContain("'+1 y @SUM(A1)");
		expect(csv).not.toMatch(/,=HYPERLINK/);
	});
});

describe.each(testDatabases())('places added by organisers on $name', ({ open }) => {
	it('numbers them apart from GeoNames, lets cities pick them and practices use them', async () => {
		const database = await open();
		try {
			const ctx = testCtx(database.db, organiser);
			await expect(addPlace({ ctx: testCtx(database.db, reviewer), input: { name: 'X', country: 'UY', population: null, latitude: null, longitude: null } })).rejects.toMatchObject({ code: 'forbidden' });
			const first = await addPlace({ ctx, input: { name: 'Área Metropolitana de Montevideo', country: 'UY', population: 1_900_000, latitude: -34.85, longitude: -56.1 } });
			const second = await addPlace({ ctx, input: { name: 'Villa Serrana', country: 'UY', population: 150, latitude: null, longitude: null } });
			expect([first, second]).toEqual([-1, -2]);
			const local = await localPlaces(testCtx(database.db));
			const picked = parseBasics(
				{ title: 'Plan metropolitano', summary: 'Un plan común para toda el área metropolitana.', language: 'es', articulation: 'metropolitan', contactName: 'Ana', contactEmail: 'ana@example.org', cityQuery: 'area metropolitana' },
				{ localPlaces: local }
			);
			expect(picked.cities[0]).toMatchObject({ geonamesId: -1, name: 'Área Metropolitana de Montevideo' });
			const chosen = parseBasics({ ...{ title: 'Plan metropolitano', summary: 'Un plan común para toda el área metropolitana.', language: 'es', articulation: 'metropolitan', contactName: 'Ana', contactEmail: 'ana@example.org' }, geonamesId: '-1' }, { localPlaces: local });
			expect(chosen.values?.geonamesIds).toEqual([-1]);
			const p = await recordPublishedPractice({ ctx, input: practiceInput({ title: 'Plan del área', geonamesIds: [-1, CITY.canelones] }) });
			const page = await getPracticePage(testCtx(database.db), { slug: p.slug });
			expect(page).toMatchObject({ placeNames: 'Área Metropolitana de Montevideo, Canelones', sizeBand: '1m-5m', countries: ['UY'] });
			await expect(recordPublishedPractice({ ctx, input: practiceInput({ geonamesIds: [-99] }) })).rejects.toMatchObject({ messageKey: 'unknown_place' });
		} finally {
			await database.close();
		}
	});
});

describe.each(testDatabases())('synthetic practices for benchmarks on $name', ({ open }) => {
	it('are written from the demo texts, so common words are common and rare ones rare', async () => {
		const database = await open();
		try {
			// A few hundred rows prove the word frequencies; bench/search.ts writes 100,000.
			await insertSyntheticPractices(database.db, 150, { seed: 7, places: 40 });
			const total = (q: string) => searchPractices(testCtx(database.db), searchParams({ q })).then((r) => r.total);
			expect(await total('')).toBe(150);
			const common = await total('pandemia');
			const rare = await total('huertas');
			expect(common).toBeGreaterThan(30);
			expect(rare).toBeGreaterThan(0);
			expect(rare).toBeLessThan(common / 3);
			const uniform = await open();
			try {
				await insertSyntheticPractices(uniform.db, 100, { seed: 7, vocabulary: 'uniform', places: 40 });
				const share = (await searchPractices(testCtx(uniform.db), searchParams({ q: 'huertas' }))).total / 100;
				expect(share).toBeGreaterThan(0.3);
			} finally {
				await uniform.close();
			}
		} finally {
			await database.close();
		}
	});
});

describe('words', () => {
	it('makes readable addresses and crosses Spanish and Portuguese', () => {
		expect(slugify('Plano de contingência com comunidades tradicionais para o controle do acesso turístico')).toBe(
			'plano-de-contingencia-com-comunidades-tradicionais-para-o-controle-do'
		);
		expect(otherLanguageQuery('presupuesto participativo')).toBe('orcamento participativo');
		expect(otherLanguageQuery('Participação cidadã')).toBe('participacion ciudadana');
		expect(otherLanguageQuery('-salud "vivienda"')).toBe('-saude "habitacao"');
		expect(otherLanguageQuery('pandemia')).toBeNull();
	});
});
