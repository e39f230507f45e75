import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { registrationCalendar } from '#lib/server/registrations/calendar.ts';

/** A registrant's .ics for one of their sessions, with the join link when they hold a confirmed seat. */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const { database } = await getRuntime();
	const ics = await registrationCalendar(database.db, { token: params.token, sessionId: params.sessionId, locale: locals.locale, origin: url.origin });
	if (!ics) error(404, 'Not found');
	return new Response(ics.body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${ics.filename}"`,
			'cache-control': 'no-store',
			'x-robots-tag': 'noindex'
		}
	});
};
