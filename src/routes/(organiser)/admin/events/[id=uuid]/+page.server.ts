import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	addAxis,
	addSession,
	axisSchema,
	eventSettingsSchema,
	eventTextsSchema,
	removeAxis,
	removeSession,
	sessionSchema,
	updateAxis,
	updateEventSettings,
	updateEventTexts,
	updateSession
} from '#lib/server/events/index.ts';
import { parseInput, type FieldErrors } from '#lib/server/validation.ts';
import { formAction } from '#lib/server/http/action.ts';
import { checkbox, formObject } from '#lib/server/http/forms.ts';
import { editLocale, guardEvent, organisedEvent, UUID } from '#lib/server/http/organiser.ts';
import { pick } from '#lib/i18n/localized.ts';
import { utcToZonedWallTime } from '#lib/time.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const event = await organisedEvent(locals, params.id);
	const l = editLocale(url, locals.locale);
	const raw = (t: { es: string; pt?: string; en?: string }) => t[l] ?? '';
	return {
		editing: l,
		saved: url.searchParams.get('saved'),
		event: {
			id: event.id,
			slug: event.slug,
			heading: pick(event.title, locals.locale),
			texts: {
				title: raw(event.title),
				unit: raw(event.unit),
				summary: raw(event.summary),
				background: raw(event.background),
				objective: raw(event.objective),
				format: raw(event.format)
			},
			settings: {
				timeZone: event.timeZone,
				status: event.status,
				agendaState: event.agendaState,
				openToPresenters: event.openToPresenters,
				openToAttendees: event.openToAttendees
			},
			axes: event.axes.map((a) => ({
				id: a.id,
				position: a.position,
				name: raw(a.name),
				description: raw(a.description),
				conclusions: a.conclusions[l] ?? '',
				moderator: a.moderator,
				spanish: a.name.es
			})),
			sessions: event.sessions.map((s) => {
				const start = utcToZonedWallTime(s.startsAt, event.timeZone);
				return {
					id: s.id,
					position: s.position,
					title: raw(s.title),
					date: start.date,
					startTime: start.time,
					endTime: utcToZonedWallTime(s.endsAt, event.timeZone).time,
					joinUrl: s.joinUrl ?? '',
					recordingUrl: s.recordingUrl ?? ''
				};
			})
		}
	};
};

type Parsed<I> = { ok: true; value: I } | { ok: false; errors: FieldErrors };
type EditorEvent = RequestEvent<{ id: string }>;

/** Back to the section just saved, in the language being edited. */
const back = (url: URL, locale: string, section: string) => `${url.pathname}?edit=${locale}&saved=${section}#${section}`;

/** The axis or session a form is about: a malformed id in the body is "not found", never a database error. */
function withRow<I>(form: FormData, parse: (values: Record<string, string>) => Parsed<I>): Parsed<I & { rowId: string }> {
	const values = formObject(form);
	const parsed = parse(values);
	if (!parsed.ok) return parsed;
	if (!UUID.test(values.id ?? '')) return { ok: false, errors: { _: 'not_found' } };
	return { ok: true, value: { ...parsed.value, rowId: values.id } };
}

const onlyId = (): Parsed<object> => ({ ok: true, value: {} });
const echoId = (values: Record<string, string>) => ({ id: values.id });
const guard = (event: EditorEvent) => guardEvent(event.locals, event.params.id);

export const actions: Actions = {
	texts: formAction({
		name: 'texts',
		guard,
		parse: (form) => parseInput(eventTextsSchema, formObject(form)),
		run: ({ ctx, input, event }) => updateEventTexts({ ctx, eventId: event.params.id, input }),
		done: (_, { url }, input) => back(url, input.locale, 'texts')
	}),
	settings: formAction({
		name: 'settings',
		guard,
		parse: (form) =>
			parseInput(eventSettingsSchema, {
				...formObject(form),
				openToPresenters: checkbox(form, 'openToPresenters'),
				openToAttendees: checkbox(form, 'openToAttendees')
			}),
		run: ({ ctx, input, event }) => updateEventSettings({ ctx, eventId: event.params.id, input }),
		done: (_, { url, locals }) => back(url, editLocale(url, locals.locale), 'settings')
	}),
	addAxis: formAction({
		name: 'addAxis',
		guard,
		parse: (form) => {
			const parsed = parseInput(axisSchema, formObject(form));
			return parsed.ok && parsed.value.name === '' ? { ok: false, errors: { name: 'required' } } : parsed;
		},
		run: ({ ctx, input, event }) => addAxis({ ctx, eventId: event.params.id, input }),
		done: (_, { url }, input) => back(url, input.locale, 'axes')
	}),
	updateAxis: formAction({
		name: 'updateAxis',
		guard,
		echo: echoId,
		parse: (form) =>
			withRow(form, (values) => {
				const parsed = parseInput(axisSchema, values);
				return parsed.ok && parsed.value.locale === 'es' && parsed.value.name === '' ? { ok: false, errors: { name: 'required' } } : parsed;
			}),
		run: ({ ctx, input: { rowId, ...input }, event }) => updateAxis({ ctx, eventId: event.params.id, axisId: rowId, input }),
		done: (_, { url }, input) => back(url, input.locale, 'axes')
	}),
	removeAxis: formAction({
		name: 'removeAxis',
		guard,
		parse: (form) => withRow(form, onlyId),
		run: ({ ctx, input, event }) => removeAxis({ ctx, eventId: event.params.id, axisId: input.rowId }),
		done: (_, { url, locals }) => back(url, editLocale(url, locals.locale), 'axes')
	}),
	addSession: formAction({
		name: 'addSession',
		guard,
		parse: (form) => {
			const parsed = parseInput(sessionSchema, formObject(form));
			return parsed.ok && parsed.value.title === '' ? { ok: false, errors: { title: 'required' } } : parsed;
		},
		run: ({ ctx, input, event }) => addSession({ ctx, eventId: event.params.id, input }),
		done: (_, { url }, input) => back(url, input.locale, 'sessions')
	}),
	updateSession: formAction({
		name: 'updateSession',
		guard,
		echo: echoId,
		parse: (form) => withRow(form, (values) => parseInput(sessionSchema, values)),
		run: ({ ctx, input: { rowId, ...input }, event }) => updateSession({ ctx, eventId: event.params.id, sessionId: rowId, input }),
		done: (_, { url }, input) => back(url, input.locale, 'sessions')
	}),
	removeSession: formAction({
		name: 'removeSession',
		guard,
		parse: (form) => withRow(form, onlyId),
		run: ({ ctx, input, event }) => removeSession({ ctx, eventId: event.params.id, sessionId: input.rowId }),
		done: (_, { url, locals }) => back(url, editLocale(url, locals.locale), 'sessions')
	})
};
