import { countryName } from '../countries.ts';
import { asc } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { axisNamesBySlug, publishedEventTitles } from '../events/index.ts';
import { sizeBand } from './schema.ts';
import { pick, type Locale, type LocalizedText } from '../../i18n/localized.ts';
import { SDG_NAMES } from '../../i18n/sdgs.ts';
import { m } from '../../paraglide/messages.js';

export { countryName };

const articulationMessages = {
	municipal: m.articulation_municipal,
	intermunicipal: m.articulation_intermunicipal,
	metropolitan: m.articulation_metropolitan,
	multilevel: m.articulation_multilevel,
	international_network: m.articulation_international_network
} as Record<string, (inputs: Record<string, never>, options: { locale: Locale }) => string>;

export function articulationName(code: string, locale: Locale): string {
	return articulationMessages[code]?.({}, { locale }) ?? code;
}

export function sdgName(n: number, locale: Locale): string {
	const name = SDG_NAMES[n];
	return name ? `${n}. ${pick(name, locale).text}` : String(n);
}

export function languageName(code: string, locale: Locale): string {
	return code === 'pt' ? m.language_pt({}, { locale }) : code === 'es' ? m.language_es({}, { locale }) : code;
}

/**
 * Names of everything a practice is classified by, in one language: axes (by slug, from
 * the events that define them), size bands, events. Read once per request.
 */
/** The names of axes, size bands and exchanges, in the reader's language (ctx.locale). */
export async function taxonomyLabels(ctx: Pick<Ctx, 'db' | 'locale'>) {
	const { db, locale } = ctx;
	const text = (t: LocalizedText) => pick(t, locale).text;
	const bandRows = await db.select({ code: sizeBand.code, label: sizeBand.label }).from(sizeBand).orderBy(asc(sizeBand.position));
	const axes = await axisNamesBySlug(ctx);
	const events = await publishedEventTitles(ctx);
	return {
		axes: Object.fromEntries([...axes].map(([slug, name]) => [slug, text(name)])) as Record<string, string>,
		bands: Object.fromEntries(bandRows.map((b) => [b.code, text(b.label)])) as Record<string, string>,
		bandOrder: bandRows.map((b) => b.code),
		events: Object.fromEntries([...events].map(([id, e]) => [id, { title: text(e.title), slug: e.slug }])) as Record<string, { title: string; slug: string }>
	};
}
export type TaxonomyLabels = Awaited<ReturnType<typeof taxonomyLabels>>;
