import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { registrationData } from '#lib/server/registrations/index.ts';

/** Everything kept about the registrant, as JSON, for them alone. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const data = await registrationData(locals.ctx, params.token);
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
