import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Ctx } from '../context.ts';
import { testCtx } from '../testing/factories.ts';
import { insertPublishedPractice } from './commands.ts';
import { boundQuery, SEARCH_LIMITS, searchPractices } from './search.ts';
import { parseSearchParams } from './input.ts';
import { CITY, practiceInput, searchParams } from './testing.ts';

const GARDENS = 'huertas-urbanas-comunitarias-en-terrenos-baldios';
/** 8 words of the gardens practice, then 32 long words found nowhere: 40 words, 2,000 characters. */
const EIGHT = ['huertas', 'urbanas', 'comunitarias', 'terrenos', 'vecinos', 'escuelas', 'cultivan', 'alimentos'];
const JUNK = Array.from({ length: 31 }, (_, i) => `zq${'x'.repeat(50)}${String(i).padStart(2, '0')}`);
const HEAD = [...EIGHT, ...JUNK].join(' ');
const LONG = `${HEAD} ${'y'.repeat(2000 - HEAD.length - 1)}`;

describe('bounding a query', () => {
	it('keeps the first 8 words of the first 200 characters, and counts what it left out', () => {
		const words = LONG.split(' ');
		expect(LONG).toHaveLength(2000);
		expect(words).toHaveLength(40);
		expect(boundQuery(LONG)).toEqual({ q: EIGHT.join(' '), words: 8, ignoredWords: 32 });
		// A word is a run of letters or digits: a hyphenated or dotted token is several words.
		expect(boundQuery('a-b-c-d-e-f-g-h-i-j-k')).toEqual({ q: 'a-b-c-d-e-f-g-h', words: 8, ignoredWords: 3 });
		expect(boundQuery('uno or dos or or tres cuatro cinco seis siete ocho nueve or diez')).toEqual({
			q: 'uno or dos or tres cuatro cinco seis siete ocho',
			words: 8,
			ignoredWords: 2
		});
		// Punctuation alone searches nothing; a trailing OR is dropped.
		expect(boundQuery('&&& huertas !!! or')).toEqual({ q: 'huertas', words: 1, ignoredWords: 0 });
		// The URL keeps 200 characters of the query; the domain searches 8 words of them.
		const fromUrl = parseSearchParams(new URL(`http://x/practices?${new URLSearchParams({ q: LONG })}`));
		expect(fromUrl.q).toBe(LONG.slice(0, 200).trim());
	});
});

describe.each(testDatabases())('bounded searches on $name', ({ name, open }) => {
	let database: Database;
	let ctx: Ctx;

	beforeAll(async () => {
		database = await open();
		ctx = testCtx(database.db, { kind: 'system', job: 'test' });
		await insertPublishedPractice({
			ctx,
			input: practiceInput({
				title: 'Huertas urbanas comunitarias en terrenos baldíos',
				summary: 'Vecinos y escuelas cultivan alimentos en predios municipales con apoyo técnico.',
				geonamesIds: [CITY.rosario],
				axes: ['participacion-ciudadana']
			})
		});
		await insertPublishedPractice({
			ctx,
			input: practiceInput({ title: 'Plan de movilidad metropolitana', summary: 'Transporte y ciclovías entre municipios.', geonamesIds: [CITY.montevideo] })
		});
	});
	afterAll(() => database?.close());

	it('searches only the first 8 words of a 40-word, 2,000-character query, and says which', async () => {
		const result = await searchPractices(ctx, searchParams({ q: LONG }));
		expect(result).toMatchObject({ total: 1, searchedQuery: EIGHT.join(' '), searchedWords: 8, ignoredWords: 32, refusal: null, correctedQuery: null });
		expect(result.hits.map((h) => h.slug)).toEqual([GARDENS]);
		// A query within the bounds says nothing about them.
		expect(await searchPractices(ctx, searchParams({ q: 'huertas urbanas' }))).toMatchObject({ total: 1, searchedQuery: null, ignoredWords: 0 });
	});

	it('corrects 3 unknown words, and none of a query with more', async () => {
		const three = await searchPractices(ctx, searchParams({ q: 'huertaz urbanaz comunitariaz' }));
		expect(three.correctedQuery).toMatch(/^huertas? urbanas comunitarias$/);
		expect(three.hits.map((h) => h.slug)).toEqual([GARDENS]);
		// Five misspellings: more than may be looked up, and words are ANDed (one left as typed
		// finds nothing), so none is looked up (before the bound, every word cost two queries).
		const five = await searchPractices(ctx, searchParams({ q: 'huertaz urbanaz comunitariaz terrenoz vecinoz' }));
		expect(five).toMatchObject({ total: 0, correctedQuery: null, refusal: null });
		// And none at all when the correction has no time budget left.
		const noBudget = await searchPractices(ctx, searchParams({ q: 'huertaz' }), { ...SEARCH_LIMITS, correctionBudgetMs: -1 });
		expect(noBudget).toMatchObject({ total: 0, correctedQuery: null });
	});

	it('answers "busy" rather than queueing without end', async () => {
		const limits = { ...SEARCH_LIMITS, maxQueued: 0 };
		const results = await Promise.all([1, 2, 3].map(() => searchPractices(ctx, searchParams({ q: 'huertas' }), limits)));
		// One search runs at a time here (PGlite; a pool of 4 on PostgreSQL): the others had no room to wait.
		expect(results.map((r) => r.refusal).sort()).toEqual(['busy', 'busy', null]);
		expect(results.find((r) => r.refusal === 'busy')).toMatchObject({ total: 0, hits: [] });
		// Waiting is bounded in time too.
		const slow = { ...SEARCH_LIMITS, maxWaitMs: 0 };
		const timed = await Promise.all([1, 2].map(() => searchPractices(ctx, searchParams({ q: 'huertas' }), slow)));
		expect(timed.map((r) => r.refusal).sort()).toEqual(['busy', null]);
	});

	it.skipIf(name !== 'pglite')('lets the event loop turn between the queries of concurrent searches (PGlite runs on this thread)', async () => {
		let ticks = 0;
		const timer = setInterval(() => ticks++, 0);
		const done = await Promise.all(Array.from({ length: 20 }, (_, i) => searchPractices(ctx, searchParams({ q: i % 2 ? 'huertas' : 'huertaz' }))));
		clearInterval(timer);
		// Without the turns, PGlite answers every query without ever returning to the event loop: 0 ticks.
		expect(ticks).toBeGreaterThanOrEqual(10);
		expect(done.every((r) => r.total > 0)).toBe(true);
	});

	it.skipIf(name !== 'postgres')('answers "too broad" when PostgreSQL cancels the search at its statement timeout', async () => {
		// Another transaction holds the search table: the search waits until its timeout fires.
		let release!: () => void;
		let locked!: () => void;
		const held = new Promise<void>((resolve) => (locked = resolve));
		const holder = database.db.transaction(async (tx) => {
			await tx.execute(sql`lock table practice_search in access exclusive mode`);
			locked();
			await new Promise<void>((resolve) => (release = resolve));
		});
		await held;
		const started = performance.now();
		const result = await searchPractices(ctx, searchParams({ q: 'huertas', axes: ['participacion-ciudadana'] }), { ...SEARCH_LIMITS, statementTimeoutMs: 200 });
		release();
		await holder;
		expect(result).toMatchObject({ refusal: 'too_broad', total: 0, hits: [], correctedQuery: null });
		expect(performance.now() - started).toBeLessThan(2000);
		// The next search, unhindered, is answered.
		expect(await searchPractices(ctx, searchParams({ q: 'huertas' }))).toMatchObject({ total: 1, refusal: null });
	});
});
