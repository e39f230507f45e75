import { ARTICULATION_LEVELS, PRACTICE_LANGUAGES } from './schema.ts';
import { FACETS, SEARCH_LIMITS, SORTS, type Facet, type SearchParams, type Sort } from './search.ts';

/** The URL names of the facets (short, in the page's address), and how a value must look. */
export const FACET_PARAMS: Record<Facet, { param: string; valid: (v: string) => boolean }> = {
	axes: { param: 'axis', valid: (v) => /^[a-z0-9-]{1,60}$/.test(v) },
	countries: { param: 'country', valid: (v) => /^[A-Z]{2}$/.test(v) },
	bands: { param: 'size', valid: (v) => /^[a-z0-9-]{1,30}$/.test(v) },
	articulations: { param: 'level', valid: (v) => (ARTICULATION_LEVELS as readonly string[]).includes(v) },
	sdgs: { param: 'sdg', valid: (v) => /^(?:[1-9]|1[0-7])$/.test(v) },
	years: { param: 'year', valid: (v) => /^(?:19|20)\d\d$/.test(v) },
	languages: { param: 'lang', valid: (v) => (PRACTICE_LANGUAGES as readonly string[]).includes(v) },
	networks: { param: 'network', valid: (v) => v.length <= 200 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) },
	events: { param: 'event', valid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) }
};

/** Characters of a query kept from the URL: the domain considers no more (SEARCH_LIMITS). */
export const MAX_QUERY_LENGTH = SEARCH_LIMITS.maxLength;
export const PER_PAGE = 20;

/**
 * The whole search lives in the URL (shareable, back button, no JavaScript needed). Values
 * that cannot be right are dropped rather than refused: a stale link still shows results.
 */
export function parseSearchParams(url: URL, options: { perPage?: number; maxPerPage?: number } = {}): SearchParams {
	const get = (name: string) => url.searchParams.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
	const chosen = Object.fromEntries(
		FACETS.map((facet) => {
			const { param, valid } = FACET_PARAMS[facet];
			return [facet, [...new Set(get(param).filter(valid))].slice(0, 20)];
		})
	) as Record<Facet, string[]>;
	const sort = url.searchParams.get('sort') ?? '';
	const page = Number(url.searchParams.get('page') ?? '1');
	const perPageAsked = Number(url.searchParams.get('per_page') ?? NaN);
	const perPage =
		options.maxPerPage && Number.isInteger(perPageAsked) && perPageAsked >= 1
			? Math.min(perPageAsked, options.maxPerPage)
			: (options.perPage ?? PER_PAGE);
	return {
		q: (url.searchParams.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH),
		axes: chosen.axes,
		countries: chosen.countries,
		bands: chosen.bands,
		articulations: chosen.articulations,
		sdgs: chosen.sdgs.map(Number),
		years: chosen.years.map(Number),
		languages: chosen.languages,
		networks: chosen.networks,
		events: chosen.events,
		sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : 'relevance',
		page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
		perPage
	};
}

/** The URL query of a search, with only what differs from the defaults (stable, shareable). */
export function searchQueryString(params: SearchParams, change: Partial<SearchParams> = {}): string {
	const p = { ...params, ...change };
	const out = new URLSearchParams();
	if (p.q) out.set('q', p.q);
	for (const facet of FACETS) {
		for (const value of p[facet]) out.append(FACET_PARAMS[facet].param, String(value));
	}
	if (p.sort !== 'relevance') out.set('sort', p.sort);
	if (p.page > 1) out.set('page', String(p.page));
	const text = out.toString();
	return text ? `?${text}` : '';
}
