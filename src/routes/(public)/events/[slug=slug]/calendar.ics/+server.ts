import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { eventCalendar } from '#lib/server/events/index.ts';

export const GET: RequestHandler = async ({ params, locals }) => {
	const ics = await eventCalendar(locals.ctx, { slug: params.slug });
	if (!ics) error(404, 'Not found');
	return new Response(ics.body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${ics.filename}"`
		}
	});
};
