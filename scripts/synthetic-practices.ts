// Fill a database with N synthetic practices, for benchmarks (never for a real installation).
// Usage: npm run synthetic -- N [--uniform]   (DATABASE_URL, or DATA_DIR for the embedded database)
import { openDatabase } from '../src/lib/server/db/client.ts';
import { insertSyntheticPractices } from '../src/lib/server/practices/synthetic.ts';

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
if (!Number.isInteger(count) || count < 1) {
	console.error('Usage: npm run synthetic -- N [--uniform]');
	process.exit(2);
}
const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './data' });
const started = Date.now();
await insertSyntheticPractices(database.db, count, {
	vocabulary: args.includes('--uniform') ? 'uniform' : 'corpus',
	onProgress: (done) => done % 10_000 === 0 && process.stdout.write(`\r${done.toLocaleString('en')} / ${count.toLocaleString('en')}`)
});
console.log(`\n${count} synthetic practices in ${((Date.now() - started) / 1000).toFixed(1)} s (${database.kind})`);
await database.close();
