import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { listPublicEvents, networkCalendar, resolveNetworkSlug } from '#lib/server/events/index.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';

/** A network's upcoming exchanges as a calendar to subscribe to (webcal://) or download: one entry per session. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const found = await resolveNetworkSlug(locals.ctx, params.slug);
	if (!found) error(404, 'Not found');
	if (found.redirected) redirect(308, localizeHref(`/networks/${found.slug}/events.ics`));
	const locale = locals.locale;
	const events = await listPublicEvents(locals.ctx, { networkId: found.id, when: 'upcoming', limit: 100, now: new Date() });
	const body = networkCalendar(events, { name: m.find_calendar_name({ network: found.name }, { locale }), origin: locals.ctx.origin, locale });
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			// inline: a subscribing calendar reads it; a browser following the link still offers to save it by name.
			'content-disposition': `inline; filename="${found.slug}-events.ics"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
