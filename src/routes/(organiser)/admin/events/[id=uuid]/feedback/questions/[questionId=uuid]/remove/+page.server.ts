import { error } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { removeSurveyQuestion, surveyResults } from '#lib/server/survey/index.ts';
import { formAction, type ActionSpec } from '#lib/server/http/action.ts';
import { editLocale, guardEvent, organisedEvent } from '#lib/server/http/organiser.ts';
import { pick } from '#lib/i18n/localized.ts';

// Removing a survey question is asked first: this page says how many people answered it;
// only its confirm post acts.
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const event = await organisedEvent(locals, params.id);
	const results = await surveyResults(locals.ctx, event.id);
	const question = results.questions.find((q) => q.id === params.questionId);
	if (!question) error(404, 'Not found');
	const edit = editLocale(url, locals.locale);
	return {
		event: { id: event.id, title: pick(event.title, locals.locale) },
		question: { id: question.id, label: question.label[locals.locale] ?? question.label.es ?? Object.values(question.label)[0] ?? '' },
		answered: question.answers,
		edit,
		back: `/admin/events/${event.id}/feedback?edit=${edit}#questions`
	};
};

/** The confirm form posts the question's id: a post without it (stray or forged) removes nothing (422). */
const confirmed = (form: FormData, id: string) =>
	String(form.get('confirm') ?? '').toLowerCase() === id ? { ok: true as const, value: id } : { ok: false as const, errors: { _: 'invalid' } };
type ConfirmEvent = RequestEvent<{ id: string; questionId: string }>;
const action = <I, R>(spec: ActionSpec<I, R, ConfirmEvent>) => formAction<I, R, ConfirmEvent>(spec);

export const actions: Actions = {
	remove: action({
		name: 'remove',
		guard: (event) => guardEvent(event.locals, event.params.id),
		parse: (form, event) => confirmed(form, event.params.questionId),
		run: ({ ctx, event }) => removeSurveyQuestion({ ctx, eventId: event.params.id, questionId: event.params.questionId }),
		done: (_, { url, locals }) => `${url.pathname.replace(/\/questions\/[^/]+\/remove$/, '')}?edit=${editLocale(url, locals.locale)}&saved=1#questions`
	})
};
