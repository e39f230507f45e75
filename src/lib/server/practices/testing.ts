import type { PracticeInput } from './commands.ts';
import { PRACTICE_TEXT_FIELDS, type PracticeTextField } from './schema.ts';
import type { SearchParams } from './search.ts';

/** GeoNames ids of a few cities, for tests. */
export const CITY = {
	montevideo: 3441575, // 1.27 M
	rosario: 3838583, // 1.17 M
	portoAlegre: 3452925, // 1.37 M
	saoPaulo: 3448439, // 10 M
	canelones: 3443413, // 19 698
	rafaela: 3839479, // 88 713
	niteroi: 3456283 // 456 456
} as const;

const emptyTexts = () => Object.fromEntries(PRACTICE_TEXT_FIELDS.map((f) => [f, ''])) as Record<PracticeTextField, string>;

/** A valid practice input; tests override what they are about. */
export function practiceInput(
	overrides: Partial<Omit<PracticeInput, 'texts'>> & { texts?: Partial<Record<PracticeTextField, string>> } = {}
): PracticeInput {
	const { texts, ...rest } = overrides;
	return {
		language: 'es',
		title: 'Una práctica',
		summary: 'Resumen de la práctica.',
		geonamesIds: [CITY.montevideo],
		axes: ['participacion-ciudadana'],
		articulation: 'municipal',
		startYear: 2019,
		endYear: null,
		ongoing: true,
		sdgs: [11],
		tags: [],
		sources: [],
		links: [],
		contactName: '',
		contactEmail: '',
		contactPublic: false,
		licence: 'CC-BY-4.0',
		origin: 'submission',
		eventId: null,
		demo: false,
		...rest,
		texts: { ...emptyTexts(), ...texts }
	};
}

export function searchParams(overrides: Partial<SearchParams> = {}): SearchParams {
	return {
		q: '',
		axes: [],
		countries: [],
		bands: [],
		articulations: [],
		sdgs: [],
		years: [],
		languages: [],
		networks: [],
		events: [],
		sort: 'relevance',
		page: 1,
		perPage: 20,
		...overrides
	};
}
