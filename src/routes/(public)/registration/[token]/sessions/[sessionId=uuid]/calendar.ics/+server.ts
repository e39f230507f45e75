import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { registrationCalendar } from '#lib/server/registrations/index.ts';

/** A registrant's .ics for one of their sessions, with the join link when they hold a confirmed seat. */
export const GET: RequestHandler = async ({ params, locals }) => {
	// Links in the file come from the configured public address, never from the request's Host.
	const ics = await registrationCalendar(locals.ctx, { token: params.token, sessionId: params.sessionId, locale: locals.locale });
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
