import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { newChallenge, verifyChallenge } from '#lib/server/http/bot-check.ts';
import { formFields, newDraft, parseBasics } from '#lib/server/practices/submission-input.ts';
import { startSubmission } from '#lib/server/practices/submissions.ts';
import { localPlaces } from '#lib/server/practices/places.ts';
import { COVERED_COUNTRIES } from '#lib/server/practices/gazetteer.ts';
import { countryName } from '#lib/server/practices/labels.ts';
import { submissionLinkMail } from '#lib/server/mail/templates.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	const { config } = await getRuntime();
	setHeaders({ 'cache-control': 'no-store' });
	return {
		challenge: await newChallenge(config.secret),
		countries: [...COVERED_COUNTRIES].map((code) => ({ code, name: countryName(code, locals.locale) })).sort((a, b) => a.name.localeCompare(b.name, locals.locale))
	};
};

export const actions: Actions = {
	start: async ({ request, locals }) => {
		const form = formFields(await request.formData());
		// Robots fill every field; people never see this one. Pretend all went well.
		if (String(form.website ?? '').trim() !== '') redirect(303, localizeHref('/practices/submit/sent'));
		const { database, delivery, config } = await getRuntime();
		const basics = parseBasics(form, { localPlaces: await localPlaces(database.db) });
		const typed = Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'altcha').map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
		if (!basics.values) {
			return fail(422, {
				values: typed,
				errors: basics.errors,
				cities: basics.cities.map((c) => ({ geonamesId: c.geonamesId, name: c.name, country: countryName(c.country, locals.locale), population: c.population.toLocaleString(locals.locale) }))
			});
		}
		const solved = await verifyChallenge(String(form.altcha ?? ''), config.secret);
		const locale = locals.locale;
		const { token } = await startSubmission({
			db: database.db,
			input: newDraft(basics.values),
			locale,
			delivery,
			linkFor: (t) => new URL(localizeHref(`/practices/submit/${t}`, { locale }), config.origin).toString(),
			mail: (p) => submissionLinkMail({ ...p, locale })
		});
		// A solved challenge shows a person's browser: go straight on. Otherwise the private link
		// reaches them only by mail, which a robot does not read.
		redirect(303, solved ? localizeHref(`/practices/submit/${token}?step=classification`) : localizeHref('/practices/submit/sent'));
	}
};
