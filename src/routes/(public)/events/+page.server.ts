import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import {
	countPublicEvents,
	eventListQueryString,
	eventPhase,
	EVENTS_PER_PAGE,
	isNetworkSlug,
	listPublicEvents,
	listPublicNetworks,
	parseEventListQuery,
	resolveNetworkSlug
} from '#lib/server/events/index.ts';
import { registrationWindows } from '#lib/server/registrations/index.ts';
import { pick } from '#lib/i18n/localized.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

/** Every network's exchanges, filtered by network, time and language: a GET form, no JavaScript needed. */
export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
	const query = parseEventListQuery(url.searchParams);
	const l = locals.locale;
	const now = new Date();
	const [networks, found] = await Promise.all([
		listPublicNetworks(locals.ctx),
		query.network && isNetworkSlug(query.network) ? resolveNetworkSlug(locals.ctx, query.network) : Promise.resolve(null)
	]);
	// An old address of a network keeps working: the same filters, under its current slug.
	if (found?.redirected) redirect(308, localizeHref(`/events${eventListQueryString(query, { network: found.slug })}`));
	const unknownNetwork = query.network !== null && !found;
	const filter = { networkId: found?.id, when: query.when, language: query.language ?? undefined, now };
	const [total, events] = unknownNetwork
		? [0, []]
		: await Promise.all([
				countPublicEvents(locals.ctx, filter),
				listPublicEvents(locals.ctx, { ...filter, limit: EVENTS_PER_PAGE, offset: (query.page - 1) * EVENTS_PER_PAGE })
			]);
	const windows = await registrationWindows(locals.ctx, { eventIds: events.map((e) => e.id), now });
	const pages = Math.max(1, Math.ceil(total / EVENTS_PER_PAGE));
	const href = (change: Parameters<typeof eventListQueryString>[1]) => eventListQueryString(query, { page: 1, ...change });
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return {
		query,
		network: found
			? {
					slug: found.slug,
					name: found.name,
					// Calendar apps subscribe to webcal:// addresses (the same file over http or https).
					webcal: `${locals.ctx.origin.replace(/^https?:/, 'webcal:')}/networks/${found.slug}/events.ics`
				}
			: null,
		unknownNetwork,
		networks: networks.map((n) => ({ slug: n.slug, name: n.name })),
		total,
		pages,
		beyondLastPage: total > 0 && query.page > pages,
		events: events.map((e) => ({
			slug: e.slug,
			title: pick(e.title, l),
			summary: pick(e.summary, l),
			networkName: e.networkName,
			networkSlug: e.networkSlug,
			unit: e.unit ? pick(e.unit, l) : null,
			timeZone: e.timeZone,
			languages: e.languages,
			isDemo: e.isDemo,
			phase: eventPhase(e, e.sessions, windows.get(e.id)?.open ?? false, now),
			sessions: e.sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt }))
		})),
		// What to change when nothing is listed: each filter in turn, loosened.
		loosen: {
			when: query.when !== 'all' ? href({ when: query.when === 'upcoming' ? 'past' : 'upcoming' }) : null,
			allTimes: query.when !== 'all' ? href({ when: 'all' }) : null,
			network: query.network ? href({ network: null }) : null,
			language: query.language ? href({ language: null }) : null
		},
		firstPageHref: href({}),
		prevHref: query.page > 1 && query.page <= pages ? eventListQueryString(query, { page: query.page - 1 }) : null,
		nextHref: query.page < pages ? eventListQueryString(query, { page: query.page + 1 }) : null,
		anyFilter: query.network !== null || query.when !== 'all' || query.language !== null,
		now
	};
};
