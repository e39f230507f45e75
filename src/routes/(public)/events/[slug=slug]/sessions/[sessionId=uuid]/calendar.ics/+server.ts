import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { eventCalendar } from '#lib/server/events/calendar.ts';

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const { database } = await getRuntime();
	const ics = await eventCalendar(database.db, {
		slug: params.slug,
		sessionId: params.sessionId,
		locale: locals.locale,
		origin: url.origin
	});
	if (!ics) error(404, 'Not found');
	return new Response(ics.body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${ics.filename}"`
		}
	});
};
