import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	addAxis,
	addSession,
	archiveEvent,
	axisSchema,
	canConclude,
	changeEventSlug,
	concludeEvent,
	eventLanguagesSchema,
	eventSlugSchema,
	registrationCount,
	reopenConclusions,
	setEventLanguages,
	unarchiveEvent,
	unpublishEvent,
	eventSettingsSchema,
	eventTextsSchema,
	sessionSchema,
	updateAxis,
	updateEventSettings,
	updateEventTexts,
	type AxisInput,
	type EventSettingsInput,
	type EventTextsInput
} from '#lib/server/events/index.ts';
import { DomainError } from '#lib/server/context.ts';
import { changeSession } from '#lib/server/registrations/index.ts';
import { exchangePhase, publishExchange, publishingChecklist } from '#lib/server/exchanges/index.ts';
import { parseInput, type FieldErrors } from '#lib/server/validation.ts';
import { formAction } from '#lib/server/http/action.ts';
import { checkbox, formObject } from '#lib/server/http/forms.ts';
import { editLocale, guardEvent, organisedEvent, UUID } from '#lib/server/http/organiser.ts';
import { pick } from '#lib/i18n/localized.ts';
import { listUnits } from '#lib/server/networks/index.ts';
import { utcToZonedWallTime } from '#lib/time.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const event = await organisedEvent(locals, params.id);
	const l = editLocale(url, locals.locale);
	const raw = (t: { es: string; pt?: string; en?: string }) => t[l] ?? '';
	const now = new Date();
	const [units, current, checklist, registrants] = await Promise.all([
		listUnits(locals.ctx, event.networkId),
		exchangePhase(locals.ctx, { eventId: event.id, now }),
		publishingChecklist(locals.ctx, { eventId: event.id }),
		registrationCount(locals.ctx, event.id)
	]);
	return {
		editing: l,
		// The Status section: the phase the public page shows, what is missing, what can be done now.
		lifecycle: {
			status: event.status,
			phase: current?.phase ?? 'draft',
			missing: checklist.missing,
			ready: checklist.ready,
			registrants,
			canConclude: canConclude(event, event.sessions, now),
			concluded: event.concludedAt !== null,
			languages: event.languages
		},
		units: units.map((u) => ({ id: u.id, name: pick(u.name, locals.locale).text })),
		saved: url.searchParams.get('saved'),
		event: {
			id: event.id,
			slug: event.slug,
			heading: pick(event.title, locals.locale),
			texts: {
				title: raw(event.title),
				summary: raw(event.summary),
				background: raw(event.background),
				objective: raw(event.objective),
				format: raw(event.format)
			},
			settings: {
				timeZone: event.timeZone,
				unitId: event.unitId ?? '',
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

const echoId = (values: Record<string, string>) => ({ id: values.id });
const guard = (event: EditorEvent) => guardEvent(event.locals, event.params.id);

const SECTIONS = ['texts', 'settings', 'axes'] as const;

/**
 * Status buttons post one hidden field naming what they do: a post without it (an empty body, a
 * forged one) changes nothing, whatever the query says.
 */
const confirmed = (form: FormData, name: string): Parsed<null> =>
	formObject(form).confirm === name ? { ok: true, value: null } : { ok: false, errors: { _: 'invalid' } };

/** A status button: one verb, back to the Status section. */
const statusAction = (name: string, verb: (args: { ctx: App.Locals['ctx']; eventId: string }) => Promise<unknown>) =>
	formAction({
		name,
		guard,
		parse: (form) => confirmed(form, name),
		run: ({ ctx, event }) => verb({ ctx, eventId: event.params.id }),
		done: (_, { url, locals }) => back(url, editLocale(url, locals.locale), 'status')
	});
const AXIS_FIELD = /^axis\.([0-9a-f-]{36})\.name$/i;

/**
 * The editor's one form: the texts of one language, the settings, each axis (`axis.<id>.<field>`)
 * and an optional new axis (`newAxis.<field>`). Every part is checked before anything is saved.
 */
function parseEditor(form: FormData): Parsed<{
	section: (typeof SECTIONS)[number];
	texts: EventTextsInput;
	settings: EventSettingsInput;
	axes: { axisId: string; value: AxisInput }[];
	newAxis: AxisInput | null;
}> {
	const values = formObject(form);
	const errors: FieldErrors = {};
	const texts = parseInput(eventTextsSchema, values);
	if (!texts.ok) Object.assign(errors, texts.errors);
	const settings = parseInput(eventSettingsSchema, {
		timeZone: values.timeZone,
		unitId: values.unitId,
		openToAttendees: checkbox(form, 'openToAttendees'),
		// Not offered until the agenda and the call exist: posted anyway, they are refused.
		...('agendaState' in values ? { agendaState: values.agendaState } : {}),
		...('openToPresenters' in values ? { openToPresenters: values.openToPresenters } : {})
	});
	if (!settings.ok) Object.assign(errors, settings.errors);
	const locale = texts.ok ? texts.value.locale : 'es';
	const axes: { axisId: string; value: AxisInput }[] = [];
	for (const key of Object.keys(values)) {
		const id = AXIS_FIELD.exec(key)?.[1];
		if (!id) continue;
		if (!UUID.test(id)) return { ok: false, errors: { _: 'not_found' } };
		const field = (f: string) => values[`axis.${id}.${f}`] ?? '';
		const parsed = parseInput(axisSchema, { locale, name: field('name'), description: field('description'), conclusions: field('conclusions'), moderator: field('moderator') });
		if (!parsed.ok) for (const [f, e] of Object.entries(parsed.errors)) errors[`axis.${id}.${f}`] = e;
		else if (locale === 'es' && parsed.value.name === '') errors[`axis.${id}.name`] = 'required';
		else axes.push({ axisId: id.toLowerCase(), value: parsed.value });
	}
	let newAxis: AxisInput | null = null;
	const newName = values['newAxis.name'] ?? '';
	const newDescription = values['newAxis.description'] ?? '';
	if (newName.trim() !== '' || newDescription.trim() !== '') {
		const parsed = parseInput(axisSchema, { locale, name: newName, description: newDescription });
		if (!parsed.ok) for (const [f, e] of Object.entries(parsed.errors)) errors[`newAxis.${f}`] = e;
		else if (parsed.value.name === '') errors['newAxis.name'] = 'required';
		else newAxis = parsed.value;
	}
	if (Object.keys(errors).length || !texts.ok || !settings.ok) return { ok: false, errors };
	const section = (SECTIONS as readonly string[]).includes(values.section ?? '') ? (values.section as (typeof SECTIONS)[number]) : 'texts';
	return { ok: true, value: { section, texts: texts.value, settings: settings.value, axes, newAxis } };
}

export const actions: Actions = {
	// The exchange's life: each refusal (checklist, registrations, dates) comes back as a message.
	publish: statusAction('publish', publishExchange),
	unpublish: statusAction('unpublish', unpublishEvent),
	archive: statusAction('archive', archiveEvent),
	unarchive: statusAction('unarchive', unarchiveEvent),
	conclude: statusAction('conclude', concludeEvent),
	reopenConclusions: statusAction('reopenConclusions', reopenConclusions),
	changeSlug: formAction({
		name: 'changeSlug',
		guard,
		parse: (form) => parseInput(eventSlugSchema, formObject(form)),
		run: ({ ctx, input, event }) => changeEventSlug({ ctx, eventId: event.params.id, slug: input.slug }),
		done: (_, { url, locals }) => back(url, editLocale(url, locals.locale), 'status')
	}),
	setLanguages: formAction({
		name: 'setLanguages',
		guard,
		// Spanish is always offered: its box cannot be unticked, and the verb adds it anyway.
		parse: (form) =>
			confirmed(form, 'setLanguages').ok
				? parseInput(eventLanguagesSchema, { languages: ['es', ...form.getAll('languages').filter((v) => typeof v === 'string')] })
				: { ok: false, errors: { _: 'invalid' } },
		run: ({ ctx, input, event }) => setEventLanguages({ ctx, eventId: event.params.id, languages: input.languages }),
		done: (_, { url, locals }) => back(url, editLocale(url, locals.locale), 'status')
	}),
	// Texts, settings and axes are one form: any of its "Save" buttons saves all three parts, so
	// what was typed in one part is never lost by saving another (the button says where to return).
	save: formAction({
		name: 'save',
		guard,
		parse: (form) => parseEditor(form),
		run: async ({ ctx, input, event }) => {
			const eventId = event.params.id;
			const current = await organisedEvent(event.locals, eventId);
			await updateEventTexts({ ctx, eventId, input: input.texts });
			await updateEventSettings({ ctx, eventId, input: input.settings });
			const l = input.texts.locale;
			for (const { axisId, value } of input.axes) {
				const was = current.axes.find((a) => a.id === axisId);
				if (!was) throw new DomainError('not_found', 'not_found');
				const same =
					(was.name[l] ?? '') === value.name &&
					(was.description[l] ?? '') === value.description &&
					(was.conclusions[l] ?? '') === value.conclusions &&
					was.moderator === value.moderator;
				if (!same) await updateAxis({ ctx, eventId, axisId, input: value });
			}
			if (input.newAxis) await addAxis({ ctx, eventId, input: input.newAxis });
		},
		done: (_, { url }, input) => back(url, input.texts.locale, input.section)
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
		// A new time or join link is mailed to the session's registrants (registrations' changeSession).
		run: ({ ctx, input: { rowId, ...input }, event }) => changeSession({ ctx, eventId: event.params.id, sessionId: rowId, input }),
		done: (_, { url }, input) => back(url, input.locale, 'sessions')
	}),
	// Removing a session is confirmed on its own page first (sessions/[sessionId]/remove), which
	// says how many people will be told; a post here (an old page) only leads there.
	removeSession: async ({ request, url, params, locals }) => {
		guard({ params, locals } as EditorEvent);
		const id = formObject(await request.formData().catch(() => new FormData())).id ?? '';
		if (!UUID.test(id)) return fail(404, { action: 'removeSession', errors: { _: 'not_found' } });
		redirect(303, `${url.pathname}/sessions/${id}/remove?edit=${editLocale(url, locals.locale)}`);
	}
};
