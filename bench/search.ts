// Search speed on a large repository: words + two facets, on PGlite and on PostgreSQL.
// Usage: npm run bench:search [-- N] [--uniform]   (N synthetic practices, default 100000;
// PostgreSQL is measured when BENCH_DATABASE_URL or TEST_DATABASE_URL names a server).
// The practices are written from the demo practices' words (see synthetic.ts); --uniform makes
// every word common to half the repository instead, the worst case for ranking and counting.
import { sql } from 'drizzle-orm';
import { withFreshPostgres } from './fresh-postgres.ts';
import { openDatabase, type Database } from '../src/lib/server/db/client.ts';
import { insertSyntheticPractices, type SyntheticVocabulary } from '../src/lib/server/practices/synthetic.ts';
import { searchPractices } from '../src/lib/server/practices/search.ts';
import { searchParams } from '../src/lib/server/practices/testing.ts';

const args = process.argv.slice(2);
const vocabulary: SyntheticVocabulary = args.includes('--uniform') ? 'uniform' : 'corpus';
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? process.env.BENCH_PRACTICES ?? 100_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

const QUERIES = [
	{ q: 'participación', axes: ['participacion-ciudadana'], countries: ['BR'] },
	{ q: 'orçamento participativo', axes: ['participacion-ciudadana'], countries: ['BR'] },
	{ q: 'movilidad transporte', axes: ['innovacion-planificacion'], countries: ['AR'] },
	{ q: 'pandemia salud', axes: ['adaptabilidad-pandemia'], countries: ['UY', 'AR'] },
	{ q: 'huertas', bands: ['200k-1m'], countries: ['AR'] },
	{ q: 'datos abiertos', axes: ['innovacion-planificacion'], bands: ['1m-5m'] },
	{ q: 'saneamento', articulations: ['metropolitan'], countries: ['BR'] },
	{ q: 'vivienda', years: [2018, 2019], axes: ['participacion-ciudadana'] },
	{ q: 'participacao', sdgs: [11], languages: ['pt'] },
	{ q: '', axes: ['adaptabilidad-pandemia'], countries: ['PE'] }
];

function percentile(sorted: number[], p: number) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(name: string, database: Database) {
	const t0 = Date.now();
	await insertSyntheticPractices(database.db, count, {
		vocabulary,
		onProgress: (done) => done % 10_000 === 0 && process.stdout.write(`\r  ${name}: inserting ${done.toLocaleString('en')} / ${count.toLocaleString('en')}`)
	});
	console.log(`\n  ${name}: ${count.toLocaleString('en')} practices inserted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	// Warm up caches, then time each query many times.
	for (const q of QUERIES) await searchPractices(database, searchParams(q));
	const times: number[] = [];
	let totals = 0;
	for (let round = 0; round < 5; round++) {
		for (const q of QUERIES) {
			const start = performance.now();
			const result = await searchPractices(database, searchParams(q));
			times.push(performance.now() - start);
			totals += result.total;
		}
	}
	times.sort((a, b) => a - b);
	console.log(
		`  ${name}: search with words + two facets (results and all facet counts), ${times.length} runs: ` +
			`median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms ` +
			`(average ${Math.round(totals / times.length)} matches)`
	);
	const plan = await database.db.execute(sql`
		explain (analyze, costs off)
		select s.practice_id from practice_search s
		where practice_words(s.search_vector) @@ (websearch_to_tsquery('intercambio_es', 'participación') || websearch_to_tsquery('intercambio_pt', 'participación'))
			and s.axes && array['participacion-ciudadana']::text[] and s.countries && array['BR']::text[]`);
	const lines = ((Array.isArray(plan) ? plan : (plan as { rows: unknown[] }).rows) as Record<string, string>[]).map((r) => Object.values(r)[0]);
	console.log(`  ${name}: plan of the words + axis + country filter:`);
	for (const line of lines) console.log(`    ${line}`);
	console.log(`  ${name}: indexes used: ${[...new Set(lines.join('\n').match(/practice_search_\w+_idx/g) ?? [])].join(', ') || 'none'}`);
}

console.log(`Search benchmark: ${count.toLocaleString('en')} synthetic practices, ${vocabulary === 'corpus' ? "words drawn from the demo practices' texts" : 'uniform vocabulary (every word in about half the practices)'}\n`);
const lite = await openDatabase({ dataDir: 'memory://' });
await measure('PGlite', lite);
await lite.close();

if (serverUrl) {
	await withFreshPostgres(serverUrl, async (url) => {
		const server = await openDatabase({ url, poolSize: 4 });
		try {
			console.log('');
			await measure('PostgreSQL', server);
		} finally {
			await server.close();
		}
	});
} else {
	console.log('\n(PostgreSQL not measured: set BENCH_DATABASE_URL or TEST_DATABASE_URL.)');
}
