import * as v from 'valibot';
import { gazetteerCity, suggestCities, type GazetteerCity } from './gazetteer.ts';
import { ARTICULATION_LEVELS, PRACTICE_LANGUAGES, PRACTICE_TEXT_FIELDS, type PracticeLink, type PracticeTextField } from './schema.ts';
import type { DraftValues } from './draft.ts';
import { oneLine, type FieldErrors } from '../validation.ts';
import { emailSchema } from '../email.ts';
import { formValue as one, formValues as many, type FormFields as Form } from '../http/forms.ts';

/** The steps of the submission form, in order. */
export const SUBMISSION_STEPS = ['basics', 'classification', 'story', 'sources', 'review'] as const;
export type SubmissionStep = (typeof SUBMISSION_STEPS)[number];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

const text = (max: number, min = 0) =>
	v.pipe(v.string(), v.trim(), v.minLength(min, 'required'), v.maxLength(max, 'too_long'));

const basicsSchema = v.object({
	title: oneLine(200, 5),
	summary: text(1500, 20),
	language: v.picklist(PRACTICE_LANGUAGES, 'invalid'),
	articulation: v.picklist(ARTICULATION_LEVELS, 'required'),
	contactName: oneLine(200, 2),
	contactEmail: emailSchema
});

export interface BasicsResult {
	values?: Pick<DraftValues, 'title' | 'summary' | 'language' | 'articulation' | 'contactName' | 'contactEmail' | 'contactPublic' | 'geonamesIds'>;
	errors: FieldErrors;
	/** Cities matching what was typed, when none was picked yet. */
	cities: GazetteerCity[];
}

/**
 * Step 1: who, where, what. The city is picked from the gazetteer (typed, then chosen).
 * Moderators editing a published practice do not touch the contact (withContact: false).
 */
export function parseBasics(f: Form, options: { withContact?: boolean; localPlaces?: GazetteerCity[] } = {}): BasicsResult {
	const withContact = options.withContact ?? true;
	const local = options.localPlaces ?? [];
	const parsed = v.safeParse(withContact ? basicsSchema : v.omit(basicsSchema, ['contactName', 'contactEmail']), {
		title: one(f, 'title'),
		summary: one(f, 'summary'),
		language: one(f, 'language'),
		articulation: one(f, 'articulation'),
		...(withContact ? { contactName: one(f, 'contactName'), contactEmail: one(f, 'contactEmail') } : {})
	});
	const errors: FieldErrors = {};
	if (!parsed.success) for (const issue of parsed.issues) errors[String(issue.path?.[0]?.key ?? '_')] ??= issue.message;
	const known = (n: number) => (n > 0 ? gazetteerCity(n) !== null : local.some((p) => p.geonamesId === n));
	const ids = many(f, 'geonamesId').map(Number).filter((n) => Number.isInteger(n) && known(n));
	let cities: GazetteerCity[] = [];
	if (ids.length === 0) {
		const query = one(f, 'cityQuery').slice(0, 100);
		const country = /^[A-Z]{2}$/.test(one(f, 'country')) ? one(f, 'country') : undefined;
		const folded = fold(query);
		// Places added by organisers first (they exist because the gazetteer lacked them).
		const added = folded.length >= 2 ? local.filter((p) => fold(p.name).includes(folded) && (!country || p.country === country)) : [];
		cities = [...added, ...suggestCities(query, { country, limit: 8 })].slice(0, 8);
		errors.geonamesId = query.length < 2 ? 'city_required' : cities.length ? 'city_choose' : 'city_not_found';
	}
	if (Object.keys(errors).length) return { errors, cities };
	const value = parsed.output as v.InferOutput<typeof basicsSchema>;
	const contact = withContact ? { contactName: value.contactName, contactEmail: value.contactEmail, contactPublic: one(f, 'contactPublic') === 'on' } : {};
	return {
		errors,
		cities,
		values: { title: value.title, summary: value.summary, language: value.language, articulation: value.articulation, ...contact, geonamesIds: [...new Set(ids)].slice(0, 6) } as NonNullable<BasicsResult['values']>
	};
}

/** Step 2: how it is classified. */
export function parseClassification(f: Form, knownAxes: string[]): { values?: Partial<DraftValues>; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const axes = many(f, 'axes').filter((a) => knownAxes.includes(a));
	if (axes.length === 0) errors.axes = 'required';
	const year = (s: string) => (/^\d{4}$/.test(s) ? Number(s) : null);
	const startYear = year(one(f, 'startYear'));
	const now = new Date().getUTCFullYear();
	if (startYear === null || startYear < 1980 || startYear > now) errors.startYear = 'year';
	const ongoing = one(f, 'ongoing') === 'on';
	const endYear = ongoing ? null : year(one(f, 'endYear'));
	if (!ongoing && one(f, 'endYear') !== '' && (endYear === null || (startYear !== null && endYear < startYear) || endYear > now + 10)) errors.endYear = 'year';
	const sdgs = [...new Set(many(f, 'sdgs').map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 17))];
	const tags = [...new Set(one(f, 'tags').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))];
	if (tags.length > 10 || tags.some((t) => t.length > 40)) errors.tags = 'too_long';
	if (Object.keys(errors).length) return { errors };
	return { errors, values: { axes, startYear, endYear, ongoing, sdgs, tags } };
}

/** Step 3: the story, in the practitioner's order. */
export function parseStory(f: Form): { values?: Partial<DraftValues>; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const texts = {} as Record<PracticeTextField, string>;
	for (const field of PRACTICE_TEXT_FIELDS) {
		const value = one(f, field).replace(/\r\n/g, '\n');
		if (value.length > 6000) errors[field] = 'too_long';
		texts[field] = value;
	}
	if (Object.keys(errors).length) return { errors };
	return { errors, values: { texts } };
}

/** Step 4: where it comes from, and materials (one per line: a name, then its https:// address). */
export function parseSources(f: Form): { values?: Partial<DraftValues>; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const sources = one(f, 'sources').split('\n').map((s) => s.trim()).filter(Boolean);
	if (sources.length > 20 || sources.some((s) => s.length > 500)) errors.sources = 'too_long';
	const links: PracticeLink[] = [];
	for (const line of one(f, 'links').split('\n').map((s) => s.trim()).filter(Boolean)) {
		const match = /^(.*?)\s*(\S+)$/.exec(line)!;
		const url = match[2];
		const label = match[1].replace(/[\s:|–—-]+$/, '') || url;
		let ok = false;
		try {
			ok = new URL(url).protocol === 'https:' && label.length <= 200;
		} catch {
			ok = false;
		}
		if (!ok) errors.links = 'https_url';
		else links.push({ kind: /\.(pdf)$/i.test(url) ? 'document' : /youtu|vimeo|video/i.test(url) ? 'recording' : 'web', label, url });
	}
	if (links.length > 20) errors.links = 'too_long';
	if (Object.keys(errors).length) return { errors };
	return { errors, values: { sources, links } };
}

/** Links as the form shows them again. */
export const linksText = (links: PracticeLink[]) => links.map((l) => (l.label === l.url ? l.url : `${l.label} ${l.url}`)).join('\n');

/** A new draft: what step 1 gave, everything else still empty. */
export function newDraft(basics: NonNullable<BasicsResult['values']>): DraftValues {
	return {
		...basics,
		texts: Object.fromEntries(PRACTICE_TEXT_FIELDS.map((f) => [f, ''])) as Record<PracticeTextField, string>,
		axes: [],
		startYear: null,
		endYear: null,
		ongoing: false,
		sdgs: [],
		tags: [],
		sources: [],
		links: [],
		licence: 'CC-BY-4.0',
		origin: 'submission',
		eventId: null,
		demo: false
	};
}
