import type { RequestHandler } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { allOpenPractices } from '#lib/server/practices/open-data.ts';

/** The whole published repository as one JSON document. */
export const GET: RequestHandler = async ({ url }) => {
	const { database } = await getRuntime();
	const practices = await allOpenPractices(database.db, url.origin);
	const body = JSON.stringify({ licence: 'CC-BY-4.0', generatedAt: new Date().toISOString(), count: practices.length, practices });
	return new Response(body, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="intercambio-practices.json"',
			'cache-control': 'public, max-age=300'
		}
	});
};
