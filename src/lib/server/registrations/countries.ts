import { createRequire } from 'node:module';
import type { Locale } from '../../i18n/localized.ts';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
for (const locale of ['es', 'pt', 'en']) countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`));

const cache = new Map<Locale, { code: string; name: string }[]>();

/** Every country (ISO 3166-1), named and sorted in the reader's language. */
export function allCountries(locale: Locale): { code: string; name: string }[] {
	let list = cache.get(locale);
	if (!list) {
		const names = countries.getNames(locale, { select: 'official' });
		list = Object.entries(names)
			.map(([code, name]) => ({ code, name }))
			.sort((a, b) => a.name.localeCompare(b.name, locale));
		cache.set(locale, list);
	}
	return list;
}
