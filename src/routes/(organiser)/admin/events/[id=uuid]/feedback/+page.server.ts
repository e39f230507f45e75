import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as v from 'valibot';
import { getRuntime } from '#lib/server/runtime.ts';
import { getEventForOrganiser } from '#lib/server/events/queries.ts';
import { guardEvent, organiserCtx, UUID } from '#lib/server/http/organiser.ts';
import { failFromDomain, formObject } from '#lib/server/http/forms.ts';
import { parseInput } from '#lib/server/validation.ts';
import { addSurveyQuestion, labelSurveyQuestion, removeSurveyQuestion, surveyResults } from '#lib/server/registrations/feedback.ts';
import { SURVEY_KINDS } from '#lib/server/registrations/schema.ts';
import { isLocale, LOCALES, pick, type Locale } from '#lib/i18n/localized.ts';




export const load: PageServerLoad = async ({ params, locals, url }) => {
	guardEvent(locals, params.id);
	const c = await organiserCtx(locals);
	const event = await getEventForOrganiser(c.db, params.id);
	if (!event) error(404, 'Not found');
	const wanted = url.searchParams.get('edit');
	const editing: Locale = isLocale(wanted) ? wanted : locals.locale;
	const results = await surveyResults(c, event.id);
	return {
		saved: url.searchParams.has('saved'),
		editing,
		event: { id: event.id, title: pick(event.title, locals.locale) },
		responses: results.responses,
		questions: results.questions.map((q) => ({
			id: q.id,
			kind: q.kind,
			label: q.label[editing] ?? '',
			shown: q.label[locals.locale] ?? q.label.es ?? Object.values(q.label)[0] ?? '',
			answers: q.answers,
			counts: q.counts,
			mean: q.mean,
			texts: q.texts
		}))
	};
};

const questionSchema = v.object({
	locale: v.picklist(LOCALES, 'invalid'),
	kind: v.picklist(SURVEY_KINDS, 'invalid'),
	label: v.pipe(v.string(), v.trim(), v.minLength(3, 'required'), v.maxLength(300, 'too_long'))
});
const labelSchema = v.object({
	id: v.pipe(v.string(), v.regex(UUID, 'not_found')),
	locale: v.picklist(LOCALES, 'invalid'),
	label: v.pipe(v.string(), v.trim(), v.maxLength(300, 'too_long'))
});

function back(url: URL): never {
	const edit = url.searchParams.get('edit');
	redirect(303, `${url.pathname}?${edit ? `edit=${edit}&` : ''}saved=1#questions`);
}

export const actions: Actions = {
	add: async ({ request, locals, params, url }) => {
		guardEvent(locals, params.id);
		const values = formObject(await request.formData());
		const parsed = parseInput(questionSchema, values);
		if (!parsed.ok) return fail(422, { action: 'add', values, errors: parsed.errors });
		try {
			await addSurveyQuestion({ ctx: await organiserCtx(locals), eventId: params.id, ...parsed.value });
		} catch (e) {
			return failFromDomain(e, { action: 'add', values });
		}
		back(url);
	},
	label: async ({ request, locals, params, url }) => {
		guardEvent(locals, params.id);
		const values = formObject(await request.formData());
		const parsed = parseInput(labelSchema, values);
		if (!parsed.ok) return fail(422, { action: 'label', id: values.id, values, errors: parsed.errors });
		try {
			await labelSurveyQuestion({ ctx: await organiserCtx(locals), eventId: params.id, questionId: parsed.value.id, label: parsed.value.label, locale: parsed.value.locale });
		} catch (e) {
			return failFromDomain(e, { action: 'label', id: values.id, values });
		}
		back(url);
	},
	remove: async ({ request, locals, params, url }) => {
		guardEvent(locals, params.id);
		const id = String((await request.formData()).get('id') ?? '');
		if (!UUID.test(id)) return fail(404, { action: 'remove', errors: { _: 'not_found' } });
		try {
			await removeSurveyQuestion({ ctx: await organiserCtx(locals), eventId: params.id, questionId: id });
		} catch (e) {
			return failFromDomain(e, { action: 'remove' });
		}
		back(url);
	}
};
