import type { RequestHandler } from './$types';
import { safeJson } from '#lib/server/http/json.ts';
import {
	countPublicEvents,
	eventListQueryString,
	eventPhase,
	isNetworkSlug,
	listPublicEvents,
	openEvent,
	parseEventListQuery,
	resolveNetworkSlug
} from '#lib/server/events/index.ts';
import { registrationWindows } from '#lib/server/registrations/index.ts';

const PER_PAGE = 20;
const MAX_PER_PAGE = 100;

/** The exchanges the public sees (published and archived), filtered like /events, paginated. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const query = parseEventListQuery(url.searchParams);
	const asked = Number(url.searchParams.get('per_page') ?? NaN);
	const perPage = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, MAX_PER_PAGE) : PER_PAGE;
	const now = new Date();
	// An old network slug still filters (by the network it now names); an unknown one lists nothing.
	const found = query.network && isNetworkSlug(query.network) ? await resolveNetworkSlug(locals.ctx, query.network) : null;
	const filter = { networkId: found?.id, when: query.when, language: query.language ?? undefined, now };
	const [total, events] =
		query.network && !found
			? [0, []]
			: await Promise.all([countPublicEvents(locals.ctx, filter), listPublicEvents(locals.ctx, { ...filter, limit: perPage, offset: (query.page - 1) * perPage })]);
	const windows = await registrationWindows(locals.ctx, { eventIds: events.map((e) => e.id), now });
	const shown = { ...query, network: found?.slug ?? query.network };
	const link = (page: number) => {
		const params = new URLSearchParams(eventListQueryString(shown, { page }).slice(1));
		if (perPage !== PER_PAGE) params.set('per_page', String(perPage));
		const text = params.toString();
		return `${locals.ctx.origin}/api/v1/events${text ? `?${text}` : ''}`;
	};
	const pages = Math.max(1, Math.ceil(total / perPage));
	return safeJson(
		{
			data: events.map((e) => openEvent(e, eventPhase(e, e.sessions, windows.get(e.id)?.open ?? false, now), locals.ctx.origin)),
			meta: { total, page: query.page, perPage, pages, licence: 'CC-BY-4.0' },
			links: {
				self: link(query.page),
				first: link(1),
				prev: query.page > 1 ? link(query.page - 1) : null,
				next: query.page < pages ? link(query.page + 1) : null
			}
		},
		{ headers: { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } }
	);
};
