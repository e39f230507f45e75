import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	canRevise,
	countryName,
	describePlaces,
	linksText,
	localPlaces,
	parseBasics,
	parseClassification,
	parseSources,
	parseStory,
	practiceValues,
	revisePublishedPractice,
	sdgName,
	taxonomyLabels
} from '#lib/server/practices/index.ts';
import { failFromDomain, formFields } from '#lib/server/http/forms.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ params, locals }) => {
	const found = await practiceValues(locals.ctx, { practiceId: params.id });
	if (!found || !canRevise(found.status)) error(404, 'Not found');
	const labels = await taxonomyLabels(locals.ctx);
	const v = found.values;
	return {
		id: params.id,
		values: { ...v, linksText: linksText(v.links), sourcesText: v.sources.join('\n'), tagsText: v.tags.join(', ') },
		cities: (await describePlaces(locals.ctx, { ids: v.geonamesIds })).map((c) => ({ geonamesId: c.geonamesId, label: `${c.name} (${countryName(c.country, locals.locale)})` })),
		axes: Object.entries(labels.axes).map(([slug, label]) => ({ slug, label })),
		sdgs: Array.from({ length: 17 }, (_, i) => ({ n: i + 1, label: sdgName(i + 1, locals.locale) }))
	};
};

export const actions: Actions = {
	default: async ({ request, params, locals }) => {
		const form = formFields(await request.formData());
		const found = await practiceValues(locals.ctx, { practiceId: params.id });
		if (!found) error(404, 'Not found');
		const axes = Object.keys((await taxonomyLabels(locals.ctx)).axes);
		const parts = [parseBasics(form, { withContact: false, localPlaces: await localPlaces(locals.ctx) }), parseClassification(form, axes), parseStory(form), parseSources(form)];
		const note = String(form.note ?? '').trim();
		const errors = Object.assign({}, ...parts.map((p) => p.errors)) as Record<string, string>;
		if (!note) errors.note = 'required';
		else if (note.length > 500) errors.note = 'too_long';
		if (Object.keys(errors).length) {
			return fail(422, { values: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v])), errors });
		}
		const change = Object.assign({}, ...parts.map((p) => p.values));
		let slug: string;
		try {
			const revised = await revisePublishedPractice({
				ctx: locals.ctx,
				practiceId: params.id,
				// What the form does not show (origin, event, demo label, licence) stays as it was.
				input: { ...found.values, ...change, texts: { ...found.values.texts, ...change.texts } },
				note
			});
			slug = revised.slug;
		} catch (e) {
			return failFromDomain(e);
		}
		redirect(303, localizeHref(`/practices/${slug}/history`));
	}
};
