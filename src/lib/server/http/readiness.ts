import { getRuntime } from '../runtime.ts';
import { databaseAnswers } from '../db/health.ts';

/** For /readyz: whether the database answers, and how fast (throws when it does not). */
export async function readiness(): Promise<{ database: string; ms: number }> {
	const { database } = await getRuntime();
	return { database: database.kind, ms: await databaseAnswers(database.db) };
}
