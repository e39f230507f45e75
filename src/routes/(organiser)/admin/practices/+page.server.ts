import type { PageServerLoad } from './$types';
import { moderationQueue, parseSearchParams, searchPractices } from '#lib/server/practices/index.ts';

export const load: PageServerLoad = async ({ url, locals }) => {
	const params = { ...parseSearchParams(url, { perPage: 50 }), sort: url.searchParams.get('q') ? ('relevance' as const) : ('newest' as const) };
	const published = await searchPractices(locals.ctx, params);
	return {
		queue: await moderationQueue(locals.ctx),
		q: params.q,
		published: { total: published.total, hits: published.hits.map((h) => ({ id: h.id, slug: h.slug, title: h.title, language: h.language, placeNames: h.placeNames, demo: h.demo })) }
	};
};
