import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { failFromDomain } from '#lib/server/http/forms.ts';
import { formFields } from '#lib/server/practices/submission-input.ts';
import {
	addSessionToRegistration,
	cancelRegistration,
	confirmRegistration,
	deleteRegistration,
	dropSessionFromRegistration,
	updateRegistrationDetails
} from '#lib/server/registrations/commands.ts';
import { parseDetails } from '#lib/server/registrations/input.ts';
import { registrationByToken } from '#lib/server/registrations/queries.ts';
import { attendedSessions, checkIn, checkInOpen } from '#lib/server/registrations/attendance.ts';
import { answerSurvey, parseSurveyAnswers, surveyFor } from '#lib/server/registrations/feedback.ts';
import { pickAny } from '#lib/i18n/localized.ts';
import { formObject } from '#lib/server/http/forms.ts';
import { allCountries, countryName } from '#lib/server/countries.ts';
import { pick } from '#lib/i18n/localized.ts';
import { NETWORK_ZONES } from '#lib/time.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DONE = ['confirmed', 'added', 'waitlisted', 'dropped', 'saved', 'cancelled', 'checked_in', 'survey'] as const;

export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
	const { database } = await getRuntime();
	const found = await registrationByToken(database.db, params.token);
	if (!found) error(404, 'Not found');
	// A private page: never cached, never indexed, its address sent to no other site.
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'same-origin', 'x-robots-tag': 'noindex' });
	const l = locals.locale;
	const now = new Date();
	const done = url.searchParams.get('done');
	const attended = found.status === 'confirmed' ? await attendedSessions(database.db, found.id) : [];
	const survey = await surveyFor(database.db, params.token, now);
	return {
		survey: survey && {
			answered: survey.answered,
			questions: survey.questions.map((q) => ({ id: q.id, kind: q.kind, label: pickAny(q.label, l) ?? { text: '', lang: l } }))
		},
		certificate: attended.length > 0,
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
			over: s.endsAt <= now,
			joinUrl: s.joinUrl,
			checkedInAt: s.checkedInAt,
			checkInOpen: found.status === 'confirmed' && s.state === 'seat' && checkInOpen(s, now)
		})),
		countries: allCountries(l),
		zones: NETWORK_ZONES.includes(found.timeZone) ? NETWORK_ZONES : [found.timeZone, ...NETWORK_ZONES]
	};
};

const here = (token: string, done: string) => redirect(303, `${localizeHref(`/registration/${token}`)}?done=${done}`);

async function sessionIdFrom(request: Request) {
	const id = String((await request.formData()).get('sessionId') ?? '');
	return UUID.test(id) ? id : null;
}

export const actions: Actions = {
	confirm: async ({ params }) => {
		const { database, registrations } = await getRuntime();
		try {
			await confirmRegistration({ db: database.db, env: registrations, token: params.token });
		} catch (e) {
			return failFromDomain(e);
		}
		here(params.token, 'confirmed');
	},
	add: async ({ params, request }) => {
		const sessionId = await sessionIdFrom(request);
		if (!sessionId) return fail(404, { errors: { _: 'not_found' } });
		const { database, registrations } = await getRuntime();
		let state: string;
		try {
			state = await addSessionToRegistration({ db: database.db, env: registrations, token: params.token, sessionId });
		} catch (e) {
			return failFromDomain(e);
		}
		here(params.token, state === 'seat' ? 'added' : 'waitlisted');
	},
	drop: async ({ params, request }) => {
		const sessionId = await sessionIdFrom(request);
		if (!sessionId) return fail(404, { errors: { _: 'not_found' } });
		const { database, registrations } = await getRuntime();
		try {
			await dropSessionFromRegistration({ db: database.db, env: registrations, token: params.token, sessionId });
		} catch (e) {
			return failFromDomain(e);
		}
		here(params.token, 'dropped');
	},
	details: async ({ params, request }) => {
		const form = formFields(await request.formData());
		const parsed = parseDetails(form);
		if (!parsed.value) return fail(422, { action: 'details', values: form, errors: parsed.errors });
		const { database, registrations } = await getRuntime();
		try {
			await updateRegistrationDetails({ db: database.db, env: registrations, token: params.token, details: parsed.value });
		} catch (e) {
			return failFromDomain(e, { action: 'details', values: form });
		}
		// The page follows the language the person chose for their mails.
		redirect(303, `${localizeHref(`/registration/${params.token}`, { locale: parsed.value.locale })}?done=saved`);
	},
	checkIn: async ({ params, request }) => {
		const sessionId = await sessionIdFrom(request);
		if (!sessionId) return fail(404, { errors: { _: 'not_found' } });
		const { database } = await getRuntime();
		try {
			await checkIn({ db: database.db, token: params.token, sessionId });
		} catch (e) {
			return failFromDomain(e);
		}
		here(params.token, 'checked_in');
	},
	survey: async ({ params, request }) => {
		const { database } = await getRuntime();
		const survey = await surveyFor(database.db, params.token);
		if (!survey) return fail(404, { errors: { _: 'not_found' } });
		const values = formObject(await request.formData());
		const parsed = parseSurveyAnswers(values, survey.questions);
		if (Object.keys(parsed.errors).length) return fail(422, { action: 'survey', values, errors: parsed.errors });
		try {
			await answerSurvey({ db: database.db, token: params.token, answers: parsed.answers });
		} catch (e) {
			return failFromDomain(e, { action: 'survey', values });
		}
		here(params.token, 'survey');
	},
	cancel: async ({ params }) => {
		const { database, registrations } = await getRuntime();
		try {
			await cancelRegistration({ db: database.db, env: registrations, token: params.token });
		} catch (e) {
			return failFromDomain(e);
		}
		here(params.token, 'cancelled');
	},
	delete: async ({ params, request }) => {
		if ((await request.formData()).get('sure') !== 'on') return fail(422, { action: 'delete', errors: { sure: 'required' } });
		const { database, registrations } = await getRuntime();
		try {
			await deleteRegistration({ db: database.db, env: registrations, token: params.token });
		} catch (e) {
			return failFromDomain(e);
		}
		redirect(303, localizeHref('/registration/deleted'));
	}
};
