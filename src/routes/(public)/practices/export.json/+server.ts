import type { RequestHandler } from './$types';
import { allOpenPractices } from '#lib/server/practices/index.ts';

/** The whole published repository as one JSON document. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const practices = await allOpenPractices(locals.ctx);
	const body = JSON.stringify({ licence: 'CC-BY-4.0', generatedAt: new Date().toISOString(), count: practices.length, practices });
	return new Response(body, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="intercambio-practices.json"',
			'cache-control': 'public, max-age=300'
		}
	});
};
