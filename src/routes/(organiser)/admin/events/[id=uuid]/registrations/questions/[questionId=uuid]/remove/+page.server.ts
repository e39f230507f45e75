import { error } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { listQuestions, registrationTable, removeQuestion } from '#lib/server/registrations/index.ts';
import { formAction, type ActionSpec } from '#lib/server/http/action.ts';
import { editLocale, guardEvent, organisedEvent } from '#lib/server/http/organiser.ts';
import { pick } from '#lib/i18n/localized.ts';

// Removing a registration question is asked first: this page says how many people answered it;
// only its confirm post acts.
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const event = await organisedEvent(locals, params.id);
	const questions = await listQuestions(locals.ctx, event.id);
	const index = questions.findIndex((q) => q.id === params.questionId);
	if (index < 0) error(404, 'Not found');
	const question = questions[index];
	// The export's table has one column per question, after the fixed ones, in the same order.
	const table = await registrationTable(locals.ctx, { eventId: event.id, locale: locals.locale });
	const column = table.header.length - questions.length + index;
	const answered = table.body.filter((row) => String(row[column] ?? '') !== '').length;
	const edit = editLocale(url, locals.locale);
	return {
		event: { id: event.id, title: pick(event.title, locals.locale) },
		question: { id: question.id, label: question.label[locals.locale] ?? question.label.es ?? Object.values(question.label)[0] ?? '' },
		answered,
		edit,
		back: `/admin/events/${event.id}/registrations?edit=${edit}#questions`
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
		run: ({ ctx, event }) => removeQuestion({ ctx, eventId: event.params.id, questionId: event.params.questionId }),
		done: (_, { url, locals }) => `${url.pathname.replace(/\/questions\/[^/]+\/remove$/, '')}?edit=${editLocale(url, locals.locale)}&saved=questions#questions`
	})
};
