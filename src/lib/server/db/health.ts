import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/** Round trip to the database; returns milliseconds, throws when it does not answer in 2 s. */
export async function databaseAnswers(db: Db): Promise<number> {
	const started = performance.now();
	await Promise.race([
		db.execute(sql`select 1`),
		new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 2000).unref())
	]);
	return Math.round(performance.now() - started);
}
