import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as v from 'valibot';
import { getRuntime } from '#lib/server/runtime.ts';
import { getEventForOrganiser } from '#lib/server/events/queries.ts';
import { guardEvent, organiserCtx, UUID } from '#lib/server/http/organiser.ts';
import { checkbox, failFromDomain, formObject, pageNumber } from '#lib/server/http/forms.ts';
import { parseInput, type FieldErrors } from '#lib/server/validation.ts';
import { setSessionCapacity } from '#lib/server/registrations/commands.ts';
import { getRegistrationSettings, listRegistrations, registrationStats, REGISTRATION_SORTS, type RegistrationSort } from '#lib/server/registrations/queries.ts';
import { addQuestion, listQuestions, questionSchema, registrationSettingsSchema, removeQuestion, translateQuestion, updateRegistrationSettings } from '#lib/server/registrations/settings.ts';
import { REGISTRATION_STATUSES } from '#lib/server/registrations/schema.ts';
import { countryName } from '#lib/server/countries.ts';
import { isLocale, pick, type Locale } from '#lib/i18n/localized.ts';
import { utcToZonedWallTime } from '#lib/time.ts';

const PER_PAGE = 50;


const editLocale = (url: URL, fallback: Locale): Locale => {
	const wanted = url.searchParams.get('edit');
	return isLocale(wanted) ? wanted : fallback;
};

export const load: PageServerLoad = async ({ params, locals, url }) => {
	guardEvent(locals, params.id);
	const { database } = await getRuntime();
	const db = database.db;
	const event = await getEventForOrganiser(db, params.id);
	if (!event) error(404, 'Not found');
	const l = locals.locale;
	const editing = editLocale(url, l);
	const statusParam = url.searchParams.get('status') ?? '';
	const status = ([...REGISTRATION_STATUSES, 'waitlisted'] as string[]).includes(statusParam) && statusParam !== 'deleted' ? (statusParam as 'pending') : undefined;
	const sessionParam = url.searchParams.get('session') ?? '';
	const sessionId = event.sessions.some((s) => s.id === sessionParam) ? sessionParam : undefined;
	const sortParam = url.searchParams.get('sort') ?? '';
	const sort: RegistrationSort = (REGISTRATION_SORTS as readonly string[]).includes(sortParam) ? (sortParam as RegistrationSort) : 'newest';
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const page = pageNumber(url);
	const [list, stats, settings, questions] = await Promise.all([
		listRegistrations(locals.actor, db, { eventId: event.id, status, sessionId, q, sort, limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
		registrationStats(locals.actor, db, event.id),
		getRegistrationSettings(db, event.id),
		listQuestions(db, event.id)
	]);
	const wall = (d: Date | null) => {
		if (!d) return '';
		const w = utcToZonedWallTime(d, event.timeZone);
		return `${w.date}T${w.time}`;
	};
	const sessionTitle = new Map(event.sessions.map((s) => [s.id, pick(s.title, l).text]));
	return {
		saved: url.searchParams.get('saved'),
		editing,
		event: { id: event.id, slug: event.slug, title: pick(event.title, l), timeZone: event.timeZone },
		sessions: event.sessions.map((s) => ({ id: s.id, title: pick(s.title, l).text, capacity: s.capacity, startsAt: s.startsAt })),
		filter: { status: status ?? '', session: sessionId ?? '', sort, q, page },
		list: {
			total: list.total,
			pages: Math.max(1, Math.ceil(list.total / PER_PAGE)),
			rows: list.rows.map((r) => ({
				...r,
				countryName: countryName(r.country, l),
				sessions: r.sessions.map((s) => ({ title: sessionTitle.get(s.sessionId) ?? '', state: s.state }))
			}))
		},
		stats: {
			...stats,
			byCountry: stats.byCountry.map((c) => ({ ...c, label: countryName(c.key, l) })),
			bySession: stats.bySession.map((s) => ({ ...s, title: pick(s.title, l).text }))
		},
		settings: {
			opensAt: wall(settings.opensAt),
			closesAt: wall(settings.closesAt),
			privacyText: settings.privacyText[editing] ?? '',
			privacyVersion: settings.privacyVersion,
			reminders: settings.reminderMinutes.join(', '),
			holdHours: String(settings.holdHours)
		},
		questions: questions.map((q) => ({
			id: q.id,
			kind: q.kind,
			required: q.required,
			shown: q.label[editing] ?? q.label.es ?? Object.values(q.label)[0] ?? '',
			label: q.label[editing] ?? '',
			options: q.options.map((o) => o[editing] ?? ''),
			shownOptions: q.options.map((o) => o[editing] ?? o.es ?? Object.values(o)[0] ?? '')
		}))
	};
};

function back(url: URL, section: string): never {
	const edit = url.searchParams.get('edit');
	redirect(303, `${url.pathname}?${edit ? `edit=${edit}&` : ''}saved=${section}#${section}`);
}


const capacitySchema = v.object({
	sessionId: v.pipe(v.string(), v.regex(UUID, 'not_found')),
	capacity: v.pipe(v.string(), v.trim(), v.check((s) => s === '' || (/^\d{1,7}$/.test(s) && Number(s) <= 1_000_000), 'capacity'))
});

const translationSchema = v.object({
	id: v.pipe(v.string(), v.regex(UUID, 'not_found')),
	locale: v.picklist(['es', 'pt', 'en'] as const, 'invalid'),
	label: v.pipe(v.string(), v.trim(), v.maxLength(500, 'too_long')),
	options: v.optional(v.pipe(v.string(), v.maxLength(5000, 'too_long')), '')
});

export const actions: Actions = {
	settings: async ({ request, locals, params, url }) => {
		guardEvent(locals, params.id);
		const values = formObject(await request.formData());
		const parsed = parseInput(registrationSettingsSchema, values);
		if (!parsed.ok) return fail(422, { action: 'settings', values, errors: parsed.errors });
		try {
			await updateRegistrationSettings({ ctx: await organiserCtx(locals), eventId: params.id, input: parsed.value });
		} catch (e) {
			return failFromDomain(e, { action: 'settings', values });
		}
		back(url, 'settings');
	},
	capacity: async ({ request, locals, params, url }) => {
		guardEvent(locals, params.id);
		const values = formObject(await request.formData());
		const parsed = parseInput(capacitySchema, values);
		if (!parsed.ok) return fail(422, { action: 'capacity', id: values.sessionId, values, errors: parsed.errors });
		const { registrations } = await getRuntime();
		try {
			await setSessionCapacity({
				ctx: await organiserCtx(locals),
				env: registrations,
				eventId: params.id,
				sessionId: parsed.value.sessionId,
				capacity: parsed.value.capacity === '' ? null : Number(parsed.value.capacity)
			});
		} catch (e) {
			return failFromDomain(e, { action: 'capacity', id: values.sessionId, values });
		}
		back(url, 'capacity');
	},
	addQuestion: async ({ request, locals, params, url }) => {
		guardEvent(locals, params.id);
		const form = await request.formData();
		const values = formObject(form);
		const parsed = parseInput(questionSchema, { ...values, required: checkbox(form, 'required') });
		if (!parsed.ok) return fail(422, { action: 'addQuestion', values, errors: parsed.errors });
		try {
			await addQuestion({ ctx: await organiserCtx(locals), eventId: params.id, input: parsed.value });
		} catch (e) {
			return failFromDomain(e, { action: 'addQuestion', values });
		}
		back(url, 'questions');
	},
	translateQuestion: async ({ request, locals, params, url }) => {
		guardEvent(locals, params.id);
		const values = formObject(await request.formData());
		const parsed = parseInput(translationSchema, values);
		if (!parsed.ok) return fail(422, { action: 'translateQuestion', id: values.id, values, errors: parsed.errors });
		try {
			await translateQuestion({ ctx: await organiserCtx(locals), eventId: params.id, questionId: parsed.value.id, locale: parsed.value.locale, label: parsed.value.label, options: parsed.value.options });
		} catch (e) {
			return failFromDomain(e, { action: 'translateQuestion', id: values.id, values });
		}
		back(url, 'questions');
	},
	removeQuestion: async ({ request, locals, params, url }) => {
		guardEvent(locals, params.id);
		const id = String((await request.formData()).get('id') ?? '');
		if (!UUID.test(id)) return fail(404, { action: 'removeQuestion', errors: { _: 'not_found' } as FieldErrors });
		try {
			await removeQuestion({ ctx: await organiserCtx(locals), eventId: params.id, questionId: id });
		} catch (e) {
			return failFromDomain(e, { action: 'removeQuestion' });
		}
		back(url, 'questions');
	}
};
