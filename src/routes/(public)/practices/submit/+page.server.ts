import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { newChallenge, verifyChallenge } from '#lib/server/http/bot-check.ts';
import { failFromDomain, formFields } from '#lib/server/http/forms.ts';
import { COVERED_COUNTRIES, countryName, localPlaces, newDraft, parseBasics, startSubmission } from '#lib/server/practices/index.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	return {
		challenge: await newChallenge(locals.ctx.secret),
		countries: [...COVERED_COUNTRIES].map((code) => ({ code, name: countryName(code, locals.locale) })).sort((a, b) => a.name.localeCompare(b.name, locals.locale))
	};
};

export const actions: Actions = {
	// "Find the city" looks the city up and keeps everything typed, without judging fields not reached yet.
	findCity: async ({ request, locals }) => {
		const form = formFields(await request.formData());
		const typed = Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'altcha' && k !== 'website').map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
		// Only the city part of step 1: what was chosen is dropped, the search runs on what was typed.
		const { cities, errors } = parseBasics({ ...form, geonamesId: [] }, { localPlaces: await localPlaces(locals.ctx) });
		const found = cities.map((c) => ({ geonamesId: c.geonamesId, name: c.name, country: countryName(c.country, locals.locale), population: c.population.toLocaleString(locals.locale) }));
		// Only the city speaks: "choose it in the list", or why nothing was found.
		if (errors.geonamesId !== 'city_choose') return fail(422, { values: typed, errors: { geonamesId: errors.geonamesId ?? 'city_required' }, cities: found, searched: true });
		return { values: typed, errors: { geonamesId: errors.geonamesId }, cities: found, searched: true };
	},
	start: async ({ request, locals }) => {
		const form = formFields(await request.formData());
		// Robots fill every field; people never see this one. Pretend all went well.
		if (String(form.website ?? '').trim() !== '') redirect(303, localizeHref('/practices/submit/sent'));
		const basics = parseBasics(form, { localPlaces: await localPlaces(locals.ctx) });
		const typed = Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'altcha').map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
		if (!basics.values) {
			return fail(422, {
				values: typed,
				errors: basics.errors,
				cities: basics.cities.map((c) => ({ geonamesId: c.geonamesId, name: c.name, country: countryName(c.country, locals.locale), population: c.population.toLocaleString(locals.locale) }))
			});
		}
		const solved = await verifyChallenge(String(form.altcha ?? ''), locals.ctx.secret);
		let token: string;
		try {
			({ token } = await startSubmission({ ctx: locals.ctx, input: newDraft(basics.values) }));
		} catch (e) {
			// Too many links mailed to this address or from this connection: nothing was saved.
			return failFromDomain(e, { values: typed, errors: {}, cities: [] });
		}
		// A solved challenge shows a person's browser: go straight on. Otherwise the private link
		// reaches them only by mail, which a robot does not read.
		redirect(303, solved ? localizeHref(`/practices/submit/${token}?step=classification`) : localizeHref('/practices/submit/sent'));
	}
};
