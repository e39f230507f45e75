import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { searchPractices } from '#lib/server/practices/index.ts';
import { parseSearchParams, searchQueryString } from '#lib/server/practices/index.ts';
import { openPractice } from '#lib/server/practices/index.ts';
import { m } from '#lib/paraglide/messages.js';

/** The repository as JSON: the same words and filters as the search page, paginated. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const params = parseSearchParams(url, { perPage: 20, maxPerPage: 100 });
	const result = await searchPractices(locals.ctx, params);
	if (result.refusal) {
		// Too broad: the client can change the request (fewer words, a filter). Busy: try again later.
		const busy = result.refusal === 'busy';
		const message = busy ? m.search_busy({}, { locale: locals.locale }) : m.search_too_broad({}, { locale: locals.locale });
		return json(
			{ error: { code: busy ? 'search_busy' : 'search_too_broad', message } },
			{ status: busy ? 503 : 422, headers: { 'cache-control': 'no-store', 'access-control-allow-origin': '*', ...(busy ? { 'retry-after': '5' } : {}) } }
		);
	}
	const link = (page: number) => {
		const query = new URLSearchParams(searchQueryString(params, { page }).slice(1));
		if (params.perPage !== 20) query.set('per_page', String(params.perPage));
		const text = query.toString();
		return `${url.origin}/api/v1/practices${text ? `?${text}` : ''}`;
	};
	const pages = Math.max(1, Math.ceil(result.total / params.perPage));
	return json(
		{
			data: result.hits.map((h) => openPractice(h, url.origin)),
			meta: {
				total: result.total,
				page: params.page,
				perPage: params.perPage,
				pages,
				correctedQuery: result.correctedQuery,
				searchedQuery: result.searchedQuery,
				ignoredWords: result.ignoredWords,
				licence: 'CC-BY-4.0',
				facets: result.facets
			},
			links: {
				self: link(params.page),
				first: link(1),
				prev: params.page > 1 ? link(params.page - 1) : null,
				next: params.page < pages ? link(params.page + 1) : null
			}
		},
		{ headers: { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } }
	);
};
