import { databaseAnswers } from '../db/health.ts';
import type { Database } from '../db/client.ts';

/** /readyz answers within this, busy database or not (a load balancer's probe times out too). */
export const READINESS_TIMEOUT_MS = 1000;

const inFlight = new WeakMap<object, Promise<number>>();

/**
 * Whether the database answers, and how fast; throws when it does not within `timeoutMs`.
 * Probes arriving together share one round trip, so a flood of probes adds one query to a busy
 * database, not one each.
 */
export function probeDatabase(database: Pick<Database, 'db' | 'kind'>, timeoutMs = READINESS_TIMEOUT_MS): Promise<{ database: string; ms: number }> {
	let probe = inFlight.get(database.db);
	if (!probe) {
		probe = databaseAnswers(database.db).finally(() => inFlight.delete(database.db));
		inFlight.set(database.db, probe);
	}
	const shared = probe;
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('database busy')), timeoutMs);
		timer.unref?.();
		shared.then(
			(ms) => {
				clearTimeout(timer);
				resolve({ database: database.kind, ms });
			},
			(error) => {
				clearTimeout(timer);
				reject(error);
			}
		);
	});
}

/** For /readyz: the runtime's database, probed (see probeDatabase). */
export async function readiness(): Promise<{ database: string; ms: number }> {
	// Imported when first probed: the runtime reads the app's environment, which tests lack.
	const { getRuntime } = await import('../runtime.ts');
	const { database } = await getRuntime();
	return probeDatabase(database);
}
