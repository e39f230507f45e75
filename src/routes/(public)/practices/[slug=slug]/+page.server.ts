import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { fileSizeText, getPracticePage, listPracticeVersions, similarPractices } from '#lib/server/practices/index.ts';
import { articulationName, countryName, languageName, sdgName, taxonomyLabels } from '#lib/server/practices/index.ts';
import { PRACTICE_TEXT_FIELDS } from '#lib/server/practices/index.ts';
import { listPublicFiles } from '#lib/server/practices/index.ts';
import { axisConclusions, sessionRecordings } from '#lib/server/events/index.ts';
import { pick, pickAny } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
	const practice = await getPracticePage(locals.ctx, { slug: params.slug });
	if (!practice) error(404, 'Not found');
	const locale = locals.locale;
	const [labels, versions, similar, files, conclusions, recordings] = await Promise.all([
		taxonomyLabels(locals.ctx),
		listPracticeVersions(locals.ctx, { practiceId: practice.id }),
		similarPractices(locals.ctx, { target: practice }),
		listPublicFiles(locals.ctx, { practiceId: practice.id }),
		practice.eventId ? axisConclusions(locals.ctx, practice.eventId, practice.axes) : Promise.resolve([]),
		practice.eventId ? sessionRecordings(locals.ctx, practice.eventId) : Promise.resolve([])
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
		files: files.map((f) => ({ ...f, sizeText: fileSizeText(f.size, locale) })),
		similar: similar.map((s) => ({ ...s, countryNames: s.countries.map((c) => countryName(c, locale)) })),
		canonical: new URL(`/practices/${practice.slug}`, url.origin).toString()
	};
};
