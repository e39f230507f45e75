import type { PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { moderationQueue } from '#lib/server/practices/submissions.ts';
import { searchPractices } from '#lib/server/practices/search.ts';
import { parseSearchParams } from '#lib/server/practices/input.ts';

export const load: PageServerLoad = async ({ url }) => {
	const { database } = await getRuntime();
	const params = { ...parseSearchParams(url, { perPage: 50 }), sort: url.searchParams.get('q') ? ('relevance' as const) : ('newest' as const) };
	const published = await searchPractices(database.db, params);
	return {
		queue: await moderationQueue(database.db),
		q: params.q,
		published: { total: published.total, hits: published.hits.map((h) => ({ id: h.id, slug: h.slug, title: h.title, language: h.language, placeNames: h.placeNames, demo: h.demo })) }
	};
};
