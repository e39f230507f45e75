import { error } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { removeAxis } from '#lib/server/events/index.ts';
import { practicesOfEvent } from '#lib/server/practices/index.ts';
import { formAction, type ActionSpec } from '#lib/server/http/action.ts';
import { editLocale, guardEvent, organisedEvent } from '#lib/server/http/organiser.ts';
import { pick } from '#lib/i18n/localized.ts';

// Removing an axis is asked first: this page says what it affects; only its confirm post acts.
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const event = await organisedEvent(locals, params.id);
	const axis = event.axes.find((a) => a.id === params.axisId);
	if (!axis) error(404, 'Not found');
	const practices = await practicesOfEvent(locals.ctx, { eventId: event.id });
	return {
		event: { id: event.id, title: pick(event.title, locals.locale) },
		axis: { id: axis.id, name: pick(axis.name, locals.locale) },
		practices: practices.filter((p) => p.axes.includes(axis.slug)).length,
		edit: editLocale(url, locals.locale),
		back: `/admin/events/${event.id}?edit=${editLocale(url, locals.locale)}#axes`
	};
};

/** The confirm form posts the axis's id: a post without it (stray or forged) removes nothing (422). */
const confirmed = (form: FormData, id: string) =>
	String(form.get('confirm') ?? '').toLowerCase() === id ? { ok: true as const, value: id } : { ok: false as const, errors: { _: 'invalid' } };
type ConfirmEvent = RequestEvent<{ id: string; axisId: string }>;
const action = <I, R>(spec: ActionSpec<I, R, ConfirmEvent>) => formAction<I, R, ConfirmEvent>(spec);

export const actions: Actions = {
	remove: action({
		name: 'remove',
		guard: (event) => guardEvent(event.locals, event.params.id),
		parse: (form, event) => confirmed(form, event.params.axisId),
		run: ({ ctx, event }) => removeAxis({ ctx, eventId: event.params.id, axisId: event.params.axisId }),
		done: (_, { url, locals }) => `${url.pathname.replace(/\/axes\/[^/]+\/remove$/, '')}?edit=${editLocale(url, locals.locale)}&saved=axes#axes`
	})
};
