import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { registrationData } from '#lib/server/registrations/queries.ts';

/** Everything kept about the registrant, as JSON, for them alone. */
export const GET: RequestHandler = async ({ params }) => {
	const { database } = await getRuntime();
	const data = await registrationData(database.db, params.token);
	if (!data) error(404, 'Not found');
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="my-registration.json"',
			'cache-control': 'no-store',
			'x-robots-tag': 'noindex'
		}
	});
};
