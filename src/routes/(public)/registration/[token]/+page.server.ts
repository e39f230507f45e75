import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { DomainError } from '#lib/server/context.ts';
import { formAction, type ActionSpec } from '#lib/server/http/action.ts';
import { failFromDomain, formFields, formObject } from '#lib/server/http/forms.ts';
import {
	addSessionToRegistration,
	canChangeSessions,
	canChooseSession,
	canConfirm,
	cancelRegistration,
	confirmRegistration,
	deleteRegistration,
	dropSessionFromRegistration,
	isSessionId,
	parseDetails,
	registrationByToken,
	updateRegistrationDetails
} from '#lib/server/registrations/index.ts';
import { attendedSessions, canCheckIn, checkIn } from '#lib/server/attendance/index.ts';
import { canDownloadCertificate } from '#lib/server/certificates/index.ts';
import { answerSurvey, canAnswerSurvey, parseSurveyAnswers, surveyFor } from '#lib/server/survey/index.ts';
import { pick, pickAny } from '#lib/i18n/localized.ts';
import { allCountries, countryName } from '#lib/server/countries.ts';
import { zoneGroups } from '#lib/time.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

const DONE = ['confirmed', 'added', 'waitlisted', 'dropped', 'saved', 'cancelled', 'checked_in', 'survey'] as const;

export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
	const ctx = locals.ctx;
	const found = await registrationByToken(ctx, params.token);
	if (!found) error(404, 'Not found');
	// A private page: never cached, never indexed, its address sent to no other site.
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'same-origin', 'x-robots-tag': 'noindex' });
	const l = locals.locale;
	const now = new Date();
	const done = url.searchParams.get('done');
	const attended = found.status === 'confirmed' ? await attendedSessions(ctx, found.id) : [];
	const survey = await surveyFor(ctx, { token: params.token, now });
	return {
		survey: survey && {
			answered: !canAnswerSurvey(survey),
			questions: survey.questions.map((q) => ({ id: q.id, kind: q.kind, label: pickAny(q.label, l) ?? { text: '', lang: l } }))
		},
		certificate: canDownloadCertificate(found, attended.length) === 'ok',
		// Which forms to show: the same rules the verbs apply.
		can: { confirm: canConfirm(found), changeSessions: canChangeSessions(found) },
		token: params.token,
		done: (DONE as readonly string[]).includes(done ?? '') ? done : null,
		registration: {
			status: found.status,
			name: found.name,
			email: found.email,
			country: found.country,
			countryName: countryName(found.country, l),
			city: found.city,
			institution: found.institution,
			institutionType: found.institutionType,
			role: found.role,
			locale: found.locale,
			timeZone: found.timeZone
		},
		event: { slug: found.eventSlug, title: pick(found.eventTitle, l), timeZone: found.eventZone },
		sessions: found.sessions.map((s) => ({
			id: s.id,
			title: pick(s.title, l),
			startsAt: s.startsAt,
			endsAt: s.endsAt,
			state: s.state,
			over: !canChooseSession(s, now),
			joinUrl: s.joinUrl,
			checkedInAt: s.checkedInAt,
			checkInOpen: canCheckIn({ status: found.status, state: s.state }, s, now) === 'ok'
		})),
		countries: allCountries(l),
		zones: zoneGroups(l, found.sessions.find((s) => canChooseSession(s, now))?.startsAt ?? found.sessions[0]?.startsAt ?? now)
	};
};

/** This page's form actions, typed with its own params. */
const action = <I, R>(spec: ActionSpec<I, R, RequestEvent>) => formAction<I, R, RequestEvent>(spec);
const here = (token: string, done: string) => `${localizeHref(`/registration/${token}`)}?done=${done}`;
const nothing = () => ({ ok: true as const, value: null });
/** The session a form names; a malformed id is refused like an unknown one (404), before any query. */
const sessionOf = (form: FormData) => ({ ok: true as const, value: String(form.get('sessionId') ?? '') });
function known(sessionId: string): string {
	if (!isSessionId(sessionId)) throw new DomainError('not_found', 'not_found');
	return sessionId;
}

export const actions: Actions = {
	confirm: action({
		parse: nothing,
		run: ({ ctx, event }) => confirmRegistration({ ctx, token: event.params.token }),
		done: (_, { params }) => here(params.token, 'confirmed')
	}),
	add: action({
		parse: sessionOf,
		run: ({ ctx, input, event }) => addSessionToRegistration({ ctx, token: event.params.token, sessionId: known(input) }),
		done: (state, { params }) => here(params.token, state === 'seat' ? 'added' : 'waitlisted')
	}),
	drop: action({
		parse: sessionOf,
		run: ({ ctx, input, event }) => dropSessionFromRegistration({ ctx, token: event.params.token, sessionId: known(input) }),
		done: (_, { params }) => here(params.token, 'dropped')
	}),
	details: action({
		name: 'details',
		parse: (form) => {
			const parsed = parseDetails(formFields(form));
			return parsed.value ? { ok: true as const, value: parsed.value } : { ok: false as const, errors: parsed.errors };
		},
		run: ({ ctx, input, event }) => updateRegistrationDetails({ ctx, token: event.params.token, details: input }),
		// The page follows the language the person chose for their mails.
		done: (_, { params }, details) => `${localizeHref(`/registration/${params.token}`, { locale: details.locale })}?done=saved`
	}),
	checkIn: action({
		parse: sessionOf,
		run: ({ ctx, input, event }) => checkIn({ ctx, token: event.params.token, sessionId: known(input) }),
		done: (_, { params }) => here(params.token, 'checked_in')
	}),
	// Hand-written: the questions to parse against come from the survey behind the link.
	survey: async ({ params, request, locals }) => {
		const survey = await surveyFor(locals.ctx, { token: params.token });
		if (!survey) return fail(404, { errors: { _: 'not_found' } });
		const values = formObject(await request.formData());
		const parsed = parseSurveyAnswers(values, survey.questions);
		if (Object.keys(parsed.errors).length) return fail(422, { action: 'survey', values, errors: parsed.errors });
		try {
			await answerSurvey({ ctx: locals.ctx, token: params.token, answers: parsed.answers });
		} catch (e) {
			return failFromDomain(e, { action: 'survey', values });
		}
		redirect(303, here(params.token, 'survey'));
	},
	cancel: action({
		parse: nothing,
		run: ({ ctx, event }) => cancelRegistration({ ctx, token: event.params.token }),
		done: (_, { params }) => here(params.token, 'cancelled')
	}),
	delete: action({
		name: 'delete',
		parse: (form) => (form.get('sure') === 'on' ? nothing() : { ok: false as const, errors: { sure: 'required' } }),
		run: ({ ctx, event }) => deleteRegistration({ ctx, token: event.params.token }),
		done: () => localizeHref('/registration/deleted')
	})
};
