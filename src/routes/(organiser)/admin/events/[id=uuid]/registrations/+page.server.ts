import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as v from 'valibot';
import { editLocale, guardEvent, organisedEvent } from '#lib/server/http/organiser.ts';
import { formAction, type ActionSpec } from '#lib/server/http/action.ts';
import { checkbox, formObject, pageNumber } from '#lib/server/http/forms.ts';
import { parseInput, oneLine } from '#lib/server/validation.ts';
import {
	addQuestion,
	changeSessionCapacity,
	getRegistrationSettings,
	listQuestions,
	listRegistrations,
	questionSchema,
	registrationSettingsSchema,
	registrationStats,
	REGISTRATION_SORTS,
	REGISTRATION_STATUSES,
	translateQuestion,
	updateRegistrationSettings,
	type RegistrationSort
} from '#lib/server/registrations/index.ts';
import { countryName } from '#lib/server/countries.ts';
import { pick } from '#lib/i18n/localized.ts';
import { utcToZonedWallTime } from '#lib/time.ts';

const PER_PAGE = 50;

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const ctx = locals.ctx;
	const event = await organisedEvent(locals, params.id);
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
		listRegistrations(ctx, { eventId: event.id, status, sessionId, q, sort, limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
		registrationStats(ctx, event.id),
		getRegistrationSettings(ctx, event.id),
		listQuestions(ctx, event.id)
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

/** Back to the section just saved, in the language being edited. */
function back(url: URL, section: string): string {
	const edit = url.searchParams.get('edit');
	return `${url.pathname}?${edit ? `edit=${edit}&` : ''}saved=${section}#${section}`;
}

const capacitySchema = v.object({
	sessionId: v.pipe(v.string(), v.uuid('not_found')),
	capacity: v.pipe(v.string(), v.trim(), v.check((s) => s === '' || (/^\d{1,7}$/.test(s) && Number(s) <= 1_000_000), 'capacity'))
});

const translationSchema = v.object({
	id: v.pipe(v.string(), v.uuid('not_found')),
	locale: v.picklist(['es', 'pt', 'en'] as const, 'invalid'),
	label: oneLine(500),
	options: v.optional(v.pipe(v.string(), v.maxLength(5000, 'too_long')), '')
});

/** This page's form actions: typed with its own params, refused to anyone but the event's organisers. */
const action = <I, R>(spec: ActionSpec<I, R, RequestEvent>) => formAction<I, R, RequestEvent>(spec);
const guard = (event: RequestEvent) => guardEvent(event.locals, event.params.id);

export const actions: Actions = {
	settings: action({
		name: 'settings',
		guard,
		parse: (form) => parseInput(registrationSettingsSchema, formObject(form)),
		run: ({ ctx, input, event }) => updateRegistrationSettings({ ctx, eventId: event.params.id, input }),
		done: (_, { url }) => back(url, 'settings')
	}),
	capacity: action({
		name: 'capacity',
		guard,
		echo: (values) => ({ id: values.sessionId }),
		parse: (form) => parseInput(capacitySchema, formObject(form)),
		run: ({ ctx, input, event }) =>
			changeSessionCapacity({ ctx, eventId: event.params.id, sessionId: input.sessionId, capacity: input.capacity === '' ? null : Number(input.capacity) }),
		done: (_, { url }) => back(url, 'capacity')
	}),
	addQuestion: action({
		name: 'addQuestion',
		guard,
		parse: (form) => parseInput(questionSchema, { ...formObject(form), required: checkbox(form, 'required') }),
		run: ({ ctx, input, event }) => addQuestion({ ctx, eventId: event.params.id, input }),
		done: (_, { url }) => back(url, 'questions')
	}),
	translateQuestion: action({
		name: 'translateQuestion',
		guard,
		echo: (values) => ({ id: values.id }),
		parse: (form) => parseInput(translationSchema, formObject(form)),
		run: ({ ctx, input, event }) =>
			translateQuestion({ ctx, eventId: event.params.id, questionId: input.id, locale: input.locale, label: input.label, options: input.options }),
		done: (_, { url }) => back(url, 'questions')
	})
	// Removing a question is confirmed first on questions/[questionId]/remove (how many answered it).
};
