import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	attachFileToDraft,
	draftByToken,
	fileSizeText,
	missingForReview,
	removeFileFromDraft,
	saveDraft,
	submitForReview,
	type DraftValues,
	articulationName,
	countryName,
	describePlaces,
	localPlaces,
	sdgName,
	taxonomyLabels,
	SUBMISSION_STEPS,
	linksText,
	parseBasics,
	parseClassification,
	parseSources,
	parseStory,
	type SubmissionStep
} from '#lib/server/practices/index.ts';
import { failFromDomain, formFields } from '#lib/server/http/forms.ts';
import { DomainError } from '#lib/server/context.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

const stepOf = (url: URL): SubmissionStep => {
	const step = url.searchParams.get('step') ?? '';
	return (SUBMISSION_STEPS as readonly string[]).includes(step) ? (step as SubmissionStep) : 'classification';
};

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	const draft = await draftByToken(locals.ctx, params.token);
	if (!draft) error(404, 'Not found');
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'same-origin', 'x-robots-tag': 'noindex' });
	const labels = await taxonomyLabels(locals.ctx);
	const v = draft.values;
	const cities = await describePlaces(locals.ctx, { ids: v.geonamesIds });
	return {
		step: draft.editable ? stepOf(url) : 'review',
		status: draft.row.status,
		editable: draft.editable,
		saved: url.searchParams.has('saved'),
		sent: url.searchParams.has('sent'),
		comments: draft.comments,
		files: draft.files.map((f) => ({ ...f, sizeText: fileSizeText(f.size, locals.locale) })),
		values: { ...v, linksText: linksText(v.links), sourcesText: v.sources.join('\n'), tagsText: v.tags.join(', ') },
		cities: cities.map((c) => ({ geonamesId: c.geonamesId, name: c.name, country: countryName(c.country, locals.locale), population: c.population.toLocaleString(locals.locale) })),
		axes: Object.entries(labels.axes).map(([slug, label]) => ({ slug, label })),
		sdgs: Array.from({ length: 17 }, (_, i) => ({ n: i + 1, label: sdgName(i + 1, locals.locale) })),
		missing: missingForReview(v),
		preview: {
			articulation: articulationName(v.articulation, locals.locale),
			axes: v.axes.map((a) => labels.axes[a] ?? a),
			places: cities.map((c) => `${c.name} (${countryName(c.country, locals.locale)})`).join(', '),
			sdgs: v.sdgs.map((n) => sdgName(n, locals.locale))
		}
	};
};

export const actions: Actions = {
	save: async ({ request, params, url, locals }) => {
		const step = stepOf(url);
		const form = formFields(await request.formData());
		let result: { values?: Partial<DraftValues>; errors: Record<string, string> };
		if (step === 'basics') result = parseBasics(form, { localPlaces: await localPlaces(locals.ctx) });
		else if (step === 'classification') result = parseClassification(form, Object.keys((await taxonomyLabels(locals.ctx)).axes));
		else if (step === 'story') result = parseStory(form);
		else if (step === 'sources') result = parseSources(form);
		else return fail(400, { errors: { _: 'invalid' } });
		const typed = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
		if (!result.values) return fail(422, { step, values: typed, errors: result.errors });
		try {
			await saveDraft({ ctx: locals.ctx, token: params.token, change: result.values });
		} catch (e) {
			return failFromDomain(e, { step });
		}
		const next = SUBMISSION_STEPS[SUBMISSION_STEPS.indexOf(step) + 1] ?? 'review';
		redirect(303, `${localizeHref(`/practices/submit/${params.token}`)}?step=${next}&saved`);
	},
	// The upload shares the sources form: what was typed there is saved with the file, never lost.
	upload: async ({ request, params, locals }) => {
		const data = await request.formData();
		const form = formFields(data);
		const typed = { sources: String(form.sources ?? ''), links: String(form.links ?? ''), alt: String(form.alt ?? '') };
		const sources = 'sources' in form || 'links' in form ? parseSources(form) : null;
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(422, { step: 'sources', values: typed, errors: { file: 'file_empty' } });
		try {
			await attachFileToDraft({ ctx: locals.ctx, token: params.token, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), alt: typed.alt });
			if (sources?.values) await saveDraft({ ctx: locals.ctx, token: params.token, change: sources.values });
		} catch (e) {
			if (e instanceof DomainError && e.code === 'invalid' && e.messageKey === 'file_alt_required') return fail(422, { step: 'sources', values: typed, errors: { alt: 'required' } });
			if (e instanceof DomainError && e.code === 'invalid' && e.messageKey === 'too_long') return fail(422, { step: 'sources', values: typed, errors: { alt: 'too_long' } });
			if (e instanceof DomainError && e.code === 'invalid') return fail(422, { step: 'sources', values: typed, errors: { file: e.messageKey } });
			return failFromDomain(e, { step: 'sources', values: typed });
		}
		// The file is kept; sources that do not pass yet stay typed, with what to fix.
		if (sources && !sources.values) return fail(422, { step: 'sources', values: typed, errors: sources.errors });
		redirect(303, `${localizeHref(`/practices/submit/${params.token}`)}?step=sources&saved`);
	},
	removeFile: async ({ request, params, locals }) => {
		const fileId = String((await request.formData()).get('fileId') ?? '');
		if (!/^[0-9a-f-]{36}$/.test(fileId)) return fail(404, { step: 'sources', errors: { _: 'not_found' } });
		try {
			await removeFileFromDraft({ ctx: locals.ctx, token: params.token, fileId });
		} catch (e) {
			return failFromDomain(e, { step: 'sources' });
		}
		redirect(303, `${localizeHref(`/practices/submit/${params.token}`)}?step=sources&saved`);
	},
	submit: async ({ params, locals }) => {
		try {
			const { missing } = await submitForReview({ ctx: locals.ctx, token: params.token });
			if (missing.length) return fail(422, { step: 'review', missing, errors: { _: 'missing' } });
		} catch (e) {
			return failFromDomain(e, { step: 'review' });
		}
		redirect(303, `${localizeHref(`/practices/submit/${params.token}`)}?step=review&sent`);
	}
};
