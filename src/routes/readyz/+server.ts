import type { RequestHandler } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { databaseAnswers } from '#lib/server/db/health.ts';

/** The database answers: the instance can take traffic. */
export const GET: RequestHandler = async () => {
	const headers = { 'cache-control': 'no-store', 'content-type': 'application/json' };
	try {
		const { database } = await getRuntime();
		const ms = await databaseAnswers(database.db);
		return new Response(JSON.stringify({ status: 'ready', database: database.kind, ms }), { headers });
	} catch {
		return new Response(JSON.stringify({ status: 'unavailable' }), { status: 503, headers });
	}
};
