// Fill a database with N synthetic practices, for benchmarks (never for a real installation).
// Usage: node scripts/synthetic-practices.ts N   (DATABASE_URL, or DATA_DIR for the embedded database)
import { openDatabase } from '../src/lib/server/db/client.ts';
import { insertSyntheticPractices } from '../src/lib/server/practices/synthetic.ts';

const count = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(count) || count < 1) {
	console.error('Usage: node scripts/synthetic-practices.ts N');
	process.exit(2);
}
const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './data' });
const started = Date.now();
await insertSyntheticPractices(database.db, count, {
	onProgress: (done) => done % 10_000 === 0 && process.stdout.write(`\r${done.toLocaleString('en')} / ${count.toLocaleString('en')}`)
});
console.log(`\n${count} synthetic practices in ${((Date.now() - started) / 1000).toFixed(1)} s (${database.kind})`);
await database.close();
