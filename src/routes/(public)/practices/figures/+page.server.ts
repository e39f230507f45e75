import type { PageServerLoad } from './$types';
import { searchPractices } from '#lib/server/practices/index.ts';
import { parseSearchParams } from '#lib/server/practices/index.ts';
import { articulationName, countryName, languageName, taxonomyLabels } from '#lib/server/practices/index.ts';

/** Counts of the whole published repository, from the same facets the search page uses. */
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const locale = locals.locale;
	const params = { ...parseSearchParams(new URL('/practices', url)), perPage: 1 };
	const [result, labels] = await Promise.all([searchPractices(locals.ctx, params), taxonomyLabels(locals.ctx)]);
	const rows = (facet: keyof typeof result.facets, label: (v: string) => string) =>
		result.facets[facet].map((f) => ({ label: label(f.value), count: f.count }));
	const bands = result.facets.bands
		.slice()
		.sort((a, b) => labels.bandOrder.indexOf(a.value) - labels.bandOrder.indexOf(b.value))
		.map((f) => ({ label: labels.bands[f.value] ?? f.value, count: f.count }));
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return {
		total: result.total,
		charts: [
			{ id: 'axes', rows: rows('axes', (v) => labels.axes[v] ?? v) },
			{ id: 'countries', rows: rows('countries', (v) => countryName(v, locale)) },
			{ id: 'bands', rows: bands },
			{ id: 'articulations', rows: rows('articulations', (v) => articulationName(v, locale)) },
			{ id: 'languages', rows: rows('languages', (v) => languageName(v, locale)) }
		]
	};
};
