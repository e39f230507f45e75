import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { getEventForOrganiser } from '#lib/server/events/queries.ts';
import {
	addAxis,
	addSession,
	removeAxis,
	removeSession,
	updateAxis,
	updateEventSettings,
	updateEventTexts,
	updateSession
} from '#lib/server/events/commands.ts';
import { axisSchema, eventSettingsSchema, eventTextsSchema, sessionSchema } from '#lib/server/events/input.ts';
import { parseInput, type FieldErrors } from '#lib/server/validation.ts';
import { checkbox, failFromDomain, formObject } from '#lib/server/http/forms.ts';
import { canManageEvent } from '#lib/server/auth/rules.ts';
import { isLocale, pick, type Locale } from '#lib/i18n/localized.ts';
import { utcToZonedWallTime } from '#lib/time.ts';
import type { Ctx } from '#lib/server/context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function editLocale(url: URL, fallback: Locale): Locale {
	const wanted = url.searchParams.get('edit');
	return isLocale(wanted) ? wanted : fallback;
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	if (!UUID.test(params.id)) error(404, 'Not found');
	if (!canManageEvent(locals.actor, params.id)) error(403, 'Forbidden');
	const { database } = await getRuntime();
	const event = await getEventForOrganiser(database.db, params.id);
	if (!event) error(404, 'Not found');
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

async function context(locals: App.Locals, eventId: string): Promise<Ctx> {
	if (!UUID.test(eventId)) error(404, 'Not found');
	const { database } = await getRuntime();
	return { db: database.db, actor: locals.actor };
}

function back(url: URL, locale: string, section: string): never {
	redirect(303, `${url.pathname}?edit=${locale}&saved=${section}#${section}`);
}

export const actions: Actions = {
	texts: async ({ request, locals, params, url }) => {
		const values = formObject(await request.formData());
		const parsed = parseInput(eventTextsSchema, values);
		if (!parsed.ok) return fail(422, { action: 'texts', values, errors: parsed.errors });
		try {
			await updateEventTexts({ ctx: await context(locals, params.id), eventId: params.id, input: parsed.value });
		} catch (e) {
			return failFromDomain(e, { action: 'texts', values });
		}
		back(url, parsed.value.locale, 'texts');
	},
	settings: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const values = formObject(form);
		const parsed = parseInput(eventSettingsSchema, {
			...values,
			openToPresenters: checkbox(form, 'openToPresenters'),
			openToAttendees: checkbox(form, 'openToAttendees')
		});
		if (!parsed.ok) return fail(422, { action: 'settings', values, errors: parsed.errors });
		try {
			await updateEventSettings({ ctx: await context(locals, params.id), eventId: params.id, input: parsed.value });
		} catch (e) {
			return failFromDomain(e, { action: 'settings', values });
		}
		back(url, editLocale(url, locals.locale), 'settings');
	},
	addAxis: async ({ request, locals, params, url }) => {
		const values = formObject(await request.formData());
		const parsed = parseInput(axisSchema, values);
		if (!parsed.ok || parsed.value.name === '') {
			return fail(422, { action: 'addAxis', values, errors: parsed.ok ? ({ name: 'required' } as FieldErrors) : parsed.errors });
		}
		try {
			await addAxis({ ctx: await context(locals, params.id), eventId: params.id, input: parsed.value });
		} catch (e) {
			return failFromDomain(e, { action: 'addAxis', values });
		}
		back(url, parsed.value.locale, 'axes');
	},
	updateAxis: async ({ request, locals, params, url }) => {
		const values = formObject(await request.formData());
		const parsed = parseInput(axisSchema, values);
		if (!parsed.ok) return fail(422, { action: 'updateAxis', id: values.id, values, errors: parsed.errors });
		if (!UUID.test(values.id ?? '')) return fail(404, { action: 'updateAxis', errors: { _: 'not_found' } as FieldErrors });
		if (parsed.value.locale === 'es' && parsed.value.name === '') {
			return fail(422, { action: 'updateAxis', id: values.id, values, errors: { name: 'required' } as FieldErrors });
		}
		try {
			await updateAxis({ ctx: await context(locals, params.id), eventId: params.id, axisId: String(values.id), input: parsed.value });
		} catch (e) {
			return failFromDomain(e, { action: 'updateAxis', id: values.id, values });
		}
		back(url, parsed.value.locale, 'axes');
	},
	removeAxis: async ({ request, locals, params, url }) => {
		const values = formObject(await request.formData());
		if (!UUID.test(values.id ?? '')) return fail(404, { action: 'removeAxis', errors: { _: 'not_found' } as FieldErrors });
		try {
			await removeAxis({ ctx: await context(locals, params.id), eventId: params.id, axisId: values.id });
		} catch (e) {
			return failFromDomain(e, { action: 'removeAxis' });
		}
		back(url, editLocale(url, locals.locale), 'axes');
	},
	addSession: async ({ request, locals, params, url }) => {
		const values = formObject(await request.formData());
		const parsed = parseInput(sessionSchema, values);
		if (!parsed.ok) return fail(422, { action: 'addSession', values, errors: parsed.errors });
		if (parsed.value.title === '') return fail(422, { action: 'addSession', values, errors: { title: 'required' } as FieldErrors });
		try {
			await addSession({ ctx: await context(locals, params.id), eventId: params.id, input: parsed.value });
		} catch (e) {
			return failFromDomain(e, { action: 'addSession', values });
		}
		back(url, parsed.value.locale, 'sessions');
	},
	updateSession: async ({ request, locals, params, url }) => {
		const values = formObject(await request.formData());
		const parsed = parseInput(sessionSchema, values);
		if (!parsed.ok) return fail(422, { action: 'updateSession', id: values.id, values, errors: parsed.errors });
		if (!UUID.test(values.id ?? '')) return fail(404, { action: 'updateSession', errors: { _: 'not_found' } as FieldErrors });
		try {
			await updateSession({ ctx: await context(locals, params.id), eventId: params.id, sessionId: values.id, input: parsed.value });
		} catch (e) {
			return failFromDomain(e, { action: 'updateSession', id: values.id, values });
		}
		back(url, parsed.value.locale, 'sessions');
	},
	removeSession: async ({ request, locals, params, url }) => {
		const values = formObject(await request.formData());
		if (!UUID.test(values.id ?? '')) return fail(404, { action: 'removeSession', errors: { _: 'not_found' } as FieldErrors });
		try {
			await removeSession({ ctx: await context(locals, params.id), eventId: params.id, sessionId: values.id });
		} catch (e) {
			return failFromDomain(e, { action: 'removeSession' });
		}
		back(url, editLocale(url, locals.locale), 'sessions');
	}
};
