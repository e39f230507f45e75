import type { PageServerLoad } from './$types';
import { searchPractices, FACETS, type Facet } from '#lib/server/practices/index.ts';
import { FACET_PARAMS, parseSearchParams, searchQueryString } from '#lib/server/practices/index.ts';
import { articulationName, countryName, languageName, sdgName, taxonomyLabels } from '#lib/server/practices/index.ts';
import { listPublicNetworks } from '#lib/server/events/index.ts';

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
	const params = parseSearchParams(url);
	const locale = locals.locale;
	const [result, labels, networks] = await Promise.all([searchPractices(locals.ctx, params), taxonomyLabels(locals.ctx), listPublicNetworks(locals.ctx)]);
	const networkNames = new Map(networks.map((n) => [n.slug, n.name]));

	const label = (facet: Facet, value: string): string => {
		switch (facet) {
			case 'axes':
				return labels.axes[value] ?? value;
			case 'countries':
				return countryName(value, locale);
			case 'bands':
				return labels.bands[value] ?? value;
			case 'articulations':
				return articulationName(value, locale);
			case 'sdgs':
				return sdgName(Number(value), locale);
			case 'languages':
				return languageName(value, locale);
			case 'networks':
				return networkNames.get(value) ?? value;
			case 'events':
				return labels.events[value]?.title ?? value;
			default:
				return value;
		}
	};
	const chosen = (facet: Facet) => (params[facet] as (string | number)[]).map(String);
	const facets = FACETS.map((facet) => {
		const values = new Map(result.facets[facet].map((v) => [v.value, v.count]));
		// A chosen value stays listed even when nothing matches it now, so it can be unticked.
		for (const v of chosen(facet)) if (!values.has(v)) values.set(v, 0);
		let options = [...values].map(([value, count]) => ({ value, count, label: label(facet, value), checked: chosen(facet).includes(value) }));
		if (facet === 'bands') options.sort((a, b) => labels.bandOrder.indexOf(a.value) - labels.bandOrder.indexOf(b.value));
		else if (facet === 'years') options.sort((a, b) => Number(b.value) - Number(a.value));
		else if (facet === 'sdgs') options.sort((a, b) => Number(a.value) - Number(b.value));
		else options = options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, locale));
		return { facet, param: FACET_PARAMS[facet].param, options };
	}).filter((f) => f.options.length > 0);

	// With nothing found, offer to drop each filter in turn (with what it would bring back).
	const loosen = result.total === 0 && !result.refusal
		? FACETS.flatMap((facet) =>
				chosen(facet).map((value) => ({
					label: label(facet, value),
					href: searchQueryString(params, { [facet]: (params[facet] as (string | number)[]).filter((v) => String(v) !== value), page: 1 })
				}))
			)
		: [];

	// The words searched as a phrase (after any correction or bounding).
	const phraseSearched = result.correctedQuery ?? result.searchedQuery ?? params.q.trim();
	// A refusal (too broad, busy) is not kept in any cache: the next try may well be answered.
	setHeaders({ 'cache-control': result.refusal ? 'no-store' : 'public, max-age=60' });
	return {
		params,
		total: result.total,
		correctedQuery: result.correctedQuery,
		searchedQuery: result.searchedQuery,
		searchedWords: result.searchedWords,
		refusal: result.refusal,
		phraseTotal: result.phraseTotal,
		phraseSearched: phraseSearched,
		phraseOnlyHref: searchQueryString(params, { q: `"${phraseSearched}"`, page: 1 }),
		chosenCount: FACETS.reduce((n, f) => n + chosen(f).length, 0),
		hits: result.hits.map((h) => ({
			...h,
			countryNames: h.countries.map((c) => countryName(c, locale)),
			bandLabel: h.sizeBand ? labels.bands[h.sizeBand] : null,
			axisLabels: h.axes.map((a) => labels.axes[a] ?? a),
			articulationLabel: articulationName(h.articulation, locale)
		})),
		facets,
		loosen,
		anyFilter: FACETS.some((f) => chosen(f).length > 0),
		pages: Math.max(1, Math.ceil(result.total / params.perPage)),
		prevHref: params.page > 1 ? searchQueryString(params, { page: params.page - 1 }) || '?' : null,
		nextHref: params.page * params.perPage < result.total ? searchQueryString(params, { page: params.page + 1 }) : null,
		exportQuery: searchQueryString({ ...params, page: 1 })
	};
};
