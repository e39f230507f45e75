import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as v from 'valibot';
import { editLocale, guardEvent, organisedEvent } from '#lib/server/http/organiser.ts';
import { formAction, type ActionSpec } from '#lib/server/http/action.ts';
import { formObject } from '#lib/server/http/forms.ts';
import { parseInput, oneLine } from '#lib/server/validation.ts';
import { addSurveyQuestion, labelSurveyQuestion, surveyResults, SURVEY_KINDS } from '#lib/server/survey/index.ts';
import { LOCALES, pick } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const ctx = locals.ctx;
	const event = await organisedEvent(locals, params.id);
	const editing = editLocale(url, locals.locale);
	const results = await surveyResults(ctx, event.id);
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
	label: oneLine(300, 3)
});
const labelSchema = v.object({
	id: v.pipe(v.string(), v.uuid('not_found')),
	locale: v.picklist(LOCALES, 'invalid'),
	label: oneLine(300)
});

function back(url: URL): string {
	const edit = url.searchParams.get('edit');
	return `${url.pathname}?${edit ? `edit=${edit}&` : ''}saved=1#questions`;
}

/** This page's form actions: typed with its own params, refused to anyone but the event's organisers. */
const action = <I, R>(spec: ActionSpec<I, R, RequestEvent>) => formAction<I, R, RequestEvent>(spec);
const guard = (event: RequestEvent) => guardEvent(event.locals, event.params.id);

export const actions: Actions = {
	add: action({
		name: 'add',
		guard,
		parse: (form) => parseInput(questionSchema, formObject(form)),
		run: ({ ctx, input, event }) => addSurveyQuestion({ ctx, eventId: event.params.id, ...input }),
		done: (_, { url }) => back(url)
	}),
	label: action({
		name: 'label',
		guard,
		echo: (values) => ({ id: values.id }),
		parse: (form) => parseInput(labelSchema, formObject(form)),
		run: ({ ctx, input, event }) => labelSurveyQuestion({ ctx, eventId: event.params.id, questionId: input.id, label: input.label, locale: input.locale }),
		done: (_, { url }) => back(url)
	})
	// Removing a question is confirmed first on questions/[questionId]/remove (how many answered it).
};
