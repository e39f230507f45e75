import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { eventIdBySlug, getPublishedEvent } from '#lib/server/events/queries.ts';
import { newChallenge, verifyChallenge } from '#lib/server/http/bot-check.ts';
import { consume } from '#lib/server/http/rate-limit.ts';
import { failFromDomain } from '#lib/server/http/forms.ts';
import { formFields } from '#lib/server/practices/submission-input.ts';
import { register, registrationWindow } from '#lib/server/registrations/commands.ts';
import { parseRegistration } from '#lib/server/registrations/input.ts';
import { getRegistrationSettings, sessionAvailability } from '#lib/server/registrations/queries.ts';
import { listQuestions } from '#lib/server/registrations/settings.ts';
import { allCountries } from '#lib/server/countries.ts';
import { readViewerZone } from '#lib/server/http/viewer-zone.ts';
import { pick, pickAny } from '#lib/i18n/localized.ts';
import { NETWORK_ZONES } from '#lib/time.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

async function eventOr404(slug: string) {
	const { database } = await getRuntime();
	const event = await getPublishedEvent(database.db, slug);
	if (!event) error(404, 'Not found');
	return event;
}

async function questionsFor(eventId: string) {
	const { database } = await getRuntime();
	const rows = await listQuestions(database.db, eventId);
	return rows.map((q) => ({ id: q.id, kind: q.kind, required: q.required, optionCount: q.options.length, label: q.label, options: q.options }));
}

export const load: PageServerLoad = async ({ params, locals, cookies, setHeaders }) => {
	const { database, config } = await getRuntime();
	const event = await eventOr404(params.slug);
	setHeaders({ 'cache-control': 'no-store' });
	const l = locals.locale;
	const now = new Date();
	const [window, availability, settings, questions] = await Promise.all([
		registrationWindow(database.db, event.id, now),
		sessionAvailability(database.db, event.id),
		getRegistrationSettings(database.db, event.id),
		questionsFor(event.id)
	]);
	const zone = readViewerZone(cookies) ?? event.timeZone;
	return {
		event: { slug: event.slug, title: pick(event.title, l), timeZone: event.timeZone },
		window: { open: window.open, reason: window.open ? null : window.reason, opensAt: !window.open && 'opensAt' in window ? window.opensAt : null, closesAt: window.open ? window.closesAt : null },
		// Only sessions still ahead can be chosen.
		sessions: event.sessions.filter((s) => s.endsAt > now).map((s) => {
			const a = availability.get(s.id);
			return {
				id: s.id,
				title: pick(s.title, l),
				startsAt: s.startsAt,
				endsAt: s.endsAt,
				full: a?.full ?? false,
				seatsLeft: a && a.capacity !== null ? Math.max(0, a.capacity - a.seats) : null
			};
		}),
		questions: questions.map((q) => ({
			id: q.id,
			kind: q.kind,
			required: q.required,
			label: pickAny(q.label, l),
			options: q.options.map((o) => pickAny(o, l)?.text ?? '')
		})),
		privacy: pickAny(settings.privacyText, l),
		countries: allCountries(l),
		zones: NETWORK_ZONES.includes(zone) ? NETWORK_ZONES : [zone, ...NETWORK_ZONES],
		defaultZone: zone,
		challenge: window.open ? await newChallenge(config.secret) : null
	};
};

export const actions: Actions = {
	default: async ({ request, params, locals, getClientAddress }) => {
		const { database, config, registrations } = await getRuntime();
		const eventId = await eventIdBySlug(database.db, params.slug);
		if (!eventId) error(404, 'Not found');
		const form = formFields(await request.formData());
		const sent = localizeHref(`/events/${params.slug}/register/sent`);
		// Robots fill every field; people never see this one. Pretend all went well.
		if (String(form.website ?? '').trim() !== '') redirect(303, sent);
		const values = Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'altcha' && k !== 'website'));
		const parsed = parseRegistration({ ...form, locale: locals.locale }, await questionsFor(eventId));
		if (!parsed.value) return fail(422, { values, errors: parsed.errors });
		// Without a solved proof of work (JavaScript off, or a robot) the form still works, but
		// fewer times per address: the mail confirmation stops the rest.
		if (!(await verifyChallenge(String(form.altcha ?? ''), config.secret))) {
			const wait = await consume('unprovenForm', getClientAddress());
			if (wait > 0) return fail(429, { values, errors: { _: 'too_many' } });
		}
		try {
			await register({ db: database.db, env: registrations, eventId, input: parsed.value });
		} catch (e) {
			return failFromDomain(e, { values });
		}
		redirect(303, sent);
	}
};
