export const LOCALES = ['es', 'pt', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'es';

/** A text written by people in up to three languages; Spanish is always present. */
export type LocalizedText = { es: string; pt?: string; en?: string };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The text in the wanted language, else Spanish (and says which one was used, for `lang`). */
export function pick(text: LocalizedText, locale: Locale): { text: string; lang: Locale } {
	const wanted = text[locale]?.trim();
	if (wanted) return { text: wanted, lang: locale };
	return { text: text.es, lang: 'es' };
}

/** A text that may be missing in every language: the reader's, else Spanish, else any; null if none. */
export function pickAny(text: Partial<LocalizedText>, locale: Locale): { text: string; lang: Locale } | null {
	for (const l of [locale, 'es', 'pt', 'en'] as Locale[]) {
		const value = text[l]?.trim();
		if (value) return { text: value, lang: l };
	}
	return null;
}
