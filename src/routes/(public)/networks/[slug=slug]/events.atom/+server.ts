import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { listPublicEvents, networkEventsFeed, resolveNetworkSlug } from '#lib/server/events/index.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';

/** A network's upcoming exchanges, for feed readers (in the address's language). */
export const GET: RequestHandler = async ({ params, locals }) => {
	const found = await resolveNetworkSlug(locals.ctx, params.slug);
	if (!found) error(404, 'Not found');
	if (found.redirected) redirect(308, localizeHref(`/networks/${found.slug}/events.atom`));
	const locale = locals.locale;
	const origin = locals.ctx.origin;
	const events = await listPublicEvents(locals.ctx, { networkId: found.id, when: 'upcoming', limit: 100, now: new Date() });
	const xml = networkEventsFeed(events, {
		network: found,
		origin,
		locale,
		title: m.find_feed_title({ network: found.name }, { locale }),
		description: m.find_feed_description({ network: found.name }, { locale }),
		feedUrl: new URL(localizeHref(`/networks/${found.slug}/events.atom`, { locale }), origin).toString()
	});
	return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
};
