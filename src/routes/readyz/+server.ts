import type { RequestHandler } from './$types';
import { readiness } from '#lib/server/http/readiness.ts';

/** The database answers, within a second even when busy: the instance can take traffic. */
export const GET: RequestHandler = async () => {
	const headers = { 'cache-control': 'no-store', 'content-type': 'application/json' };
	try {
		const { database, ms } = await readiness();
		return new Response(JSON.stringify({ status: 'ready', database, ms }), { headers });
	} catch {
		return new Response(JSON.stringify({ status: 'unavailable' }), { status: 503, headers: { ...headers, 'retry-after': '5' } });
	}
};
