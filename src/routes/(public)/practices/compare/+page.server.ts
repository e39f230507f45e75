import type { PageServerLoad } from './$types';
import { getPracticesBySlug } from '#lib/server/practices/index.ts';
import { articulationName, countryName, sdgName, taxonomyLabels } from '#lib/server/practices/index.ts';
import { PRACTICE_TEXT_FIELDS } from '#lib/server/practices/index.ts';

const MAX_COMPARED = 4;

export const load: PageServerLoad = async ({ url, locals }) => {
	const slugs = [...new Set(url.searchParams.getAll('p').filter((s) => /^[a-z0-9-]{1,100}$/.test(s)))].slice(0, MAX_COMPARED);
	const [practices, labels] = await Promise.all([getPracticesBySlug(locals.ctx, { slugs }), taxonomyLabels(locals.ctx)]);
	const locale = locals.locale;
	const without = (slug: string) => {
		const rest = practices.filter((p) => p.slug !== slug).map((p) => `p=${encodeURIComponent(p.slug)}`);
		return rest.length ? `?${rest.join('&')}` : '';
	};
	return {
		tooFew: practices.length < 2,
		columns: practices.map((p) => ({
			slug: p.slug,
			title: p.title,
			language: p.language,
			demo: p.demo,
			removeQuery: without(p.slug),
			facts: {
				places: p.placeNames,
				country: p.countries.map((c) => countryName(c, locale)).join(', '),
				population: p.population,
				size: p.sizeBand ? labels.bands[p.sizeBand] : '',
				articulation: articulationName(p.articulation, locale),
				period: p.startYear ? (p.ongoing ? `${p.startYear}–` : `${p.startYear}${p.endYear && p.endYear !== p.startYear ? `–${p.endYear}` : ''}`) : '',
				axes: p.axes.map((a) => labels.axes[a] ?? a).join(' · '),
				sdgs: p.sdgs.map((n) => sdgName(n, locale)).join(' · ')
			},
			texts: Object.fromEntries(PRACTICE_TEXT_FIELDS.map((f) => [f, p[f]])) as Record<string, string>
		})),
		textFields: PRACTICE_TEXT_FIELDS.filter((f) => practices.some((p) => p[f].trim() !== ''))
	};
};
