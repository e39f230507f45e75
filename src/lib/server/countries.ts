import { createRequire } from 'node:module';
import type { Locale } from '../i18n/localized.ts';

// Country names of ISO 3166-1 in the three languages, from i18n-iso-countries.
const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
for (const locale of ['es', 'pt', 'en']) countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`));

export function countryName(code: string, locale: Locale): string {
	return countries.getName(code, locale) ?? code;
}

export const isCountryCode = (code: string) => countries.isValid(code);

const sorted = new Map<Locale, { code: string; name: string }[]>();

/** Every country, named and sorted in the reader's language. */
export function allCountries(locale: Locale): { code: string; name: string }[] {
	let list = sorted.get(locale);
	if (!list) {
		list = Object.entries(countries.getNames(locale, { select: 'official' }))
			.map(([code, name]) => ({ code, name }))
			.sort((a, b) => a.name.localeCompare(b.name, locale));
		sorted.set(locale, list);
	}
	return list;
}
