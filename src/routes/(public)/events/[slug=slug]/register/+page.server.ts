import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import type { Ctx } from '#lib/server/context.ts';
import { eventIdBySlug, getPublishedEvent } from '#lib/server/events/index.ts';
import { newChallenge, verifyChallenge } from '#lib/server/http/bot-check.ts';
import { consume } from '#lib/server/http/rate-limit.ts';
import { failFromDomain, formFields } from '#lib/server/http/forms.ts';
import {
	canChooseSession,
	getRegistrationSettings,
	listQuestions,
	parseRegistration,
	register,
	registrationWindow,
	sessionAvailability
} from '#lib/server/registrations/index.ts';
import { allCountries } from '#lib/server/countries.ts';
import { readViewerZone } from '#lib/server/http/viewer-zone.ts';
import { pick, pickAny } from '#lib/i18n/localized.ts';
import { zoneFromAcceptLanguage, zoneGroups } from '#lib/time.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

async function questionsFor(ctx: Ctx, eventId: string) {
	const rows = await listQuestions(ctx, eventId);
	return rows.map((q) => ({ id: q.id, kind: q.kind, required: q.required, optionCount: q.options.length, label: q.label, options: q.options }));
}

export const load: PageServerLoad = async ({ params, locals, cookies, setHeaders, request }) => {
	const ctx = locals.ctx;
	const event = await getPublishedEvent(ctx, params.slug);
	if (!event) error(404, 'Not found');
	setHeaders({ 'cache-control': 'no-store' });
	const l = locals.locale;
	const now = new Date();
	const [window, availability, settings, questions] = await Promise.all([
		registrationWindow(ctx, { eventId: event.id, now }),
		sessionAvailability(ctx, event.id),
		getRegistrationSettings(ctx, event.id),
		questionsFor(ctx, event.id)
	]);
	// The visitor's chosen zone, else the one their Accept-Language region suggests, else the event's.
	const zone = readViewerZone(cookies) ?? zoneFromAcceptLanguage(request.headers.get('accept-language')) ?? event.timeZone;
	// Offsets as they will be on the sessions' dates (the next session ahead).
	const at = event.sessions.find((s) => canChooseSession(s, now))?.startsAt ?? now;
	return {
		event: { slug: event.slug, title: pick(event.title, l), timeZone: event.timeZone },
		window: { open: window.open, reason: window.open ? null : window.reason, opensAt: !window.open && 'opensAt' in window ? window.opensAt : null, closesAt: window.open ? window.closesAt : null },
		// Only sessions still ahead can be chosen.
		sessions: event.sessions
			.filter((s) => canChooseSession(s, now))
			.map((s) => {
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
		zones: zoneGroups(l, at),
		defaultZone: zone,
		challenge: window.open ? await newChallenge(ctx.secret) : null
	};
};

export const actions: Actions = {
	// Hand-written: a honeypot, a proof of work and a rate limit come before the verb.
	default: async ({ request, params, locals, getClientAddress }) => {
		const ctx = locals.ctx;
		const eventId = await eventIdBySlug(ctx, params.slug);
		if (!eventId) error(404, 'Not found');
		const form = formFields(await request.formData());
		const sent = localizeHref(`/events/${params.slug}/register/sent`);
		// Robots fill every field; people never see this one. Pretend all went well.
		if (String(form.website ?? '').trim() !== '') redirect(303, sent);
		const values = Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'altcha' && k !== 'website'));
		const parsed = parseRegistration({ ...form, locale: locals.locale }, await questionsFor(ctx, eventId));
		if (!parsed.value) return fail(422, { values, errors: parsed.errors });
		// Without a solved proof of work (JavaScript off, or a robot) the form still works, but
		// fewer times per address: the mail confirmation stops the rest.
		if (!(await verifyChallenge(String(form.altcha ?? ''), ctx.secret))) {
			const wait = await consume('unprovenForm', getClientAddress());
			if (wait > 0) return fail(429, { values, errors: { _: 'too_many' } });
		}
		try {
			await register({ ctx, eventId, input: parsed.value });
		} catch (e) {
			return failFromDomain(e, { values });
		}
		redirect(303, sent);
	}
};
