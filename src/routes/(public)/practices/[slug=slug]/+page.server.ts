import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { getPracticePage, listPracticeVersions, similarPractices } from '#lib/server/practices/queries.ts';
import { articulationName, countryName, languageName, sdgName, taxonomyLabels } from '#lib/server/practices/labels.ts';
import { PRACTICE_TEXT_FIELDS } from '#lib/server/practices/schema.ts';
import { listFiles } from '#lib/server/practices/files.ts';
import { axisConclusions, sessionRecordings } from '#lib/server/events/queries.ts';
import { pick, pickAny } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
	if (!/^[a-z0-9-]{1,100}$/.test(params.slug)) error(404, 'Not found');
	const { database } = await getRuntime();
	const practice = await getPracticePage(database.db, params.slug);
	if (!practice) error(404, 'Not found');
	const locale = locals.locale;
	const [labels, versions, similar, files, conclusions, recordings] = await Promise.all([
		taxonomyLabels(database.db, locale),
		listPracticeVersions(database.db, practice.id),
		similarPractices(database.db, practice),
		listFiles(database.db, practice.id),
		practice.eventId ? axisConclusions(database.db, practice.eventId, practice.axes) : Promise.resolve([]),
		practice.eventId ? sessionRecordings(database.db, practice.eventId) : Promise.resolve([])
	]);
	const event = practice.eventId ? labels.events[practice.eventId] : undefined;
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return {
		practice,
		texts: PRACTICE_TEXT_FIELDS.filter((f) => practice[f].trim() !== '').map((f) => ({ field: f, text: practice[f] })),
		countryNames: practice.countries.map((c) => countryName(c, locale)),
		bandLabel: practice.sizeBand ? labels.bands[practice.sizeBand] : null,
		axisLabels: practice.axes.map((a) => ({ slug: a, label: labels.axes[a] ?? a })),
		articulationLabel: articulationName(practice.articulation, locale),
		sdgLabels: practice.sdgs.map((n) => sdgName(n, locale)),
		languageLabel: languageName(practice.language, locale),
		event: event ? { title: event.title, slug: event.slug } : null,
		versionCount: versions.length,
		// Presented at an exchange: the recordings of its sessions sit with the practice's own materials.
		recordings: recordings.map((r) => ({ title: pick(r.title, locale), url: r.url })),
		conclusions: conclusions.map((a) => ({ axis: pick(a.name, locale).text, moderator: a.moderator, text: pickAny(a.conclusions, locale)! })),
		files: files.map((f) => ({ ...f, sizeText: `${(f.size / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB` })),
		similar: similar.map((s) => ({ ...s, countryNames: s.countries.map((c) => countryName(c, locale)) })),
		canonical: new URL(`/practices/${practice.slug}`, url.origin).toString()
	};
};
