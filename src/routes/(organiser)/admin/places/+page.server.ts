import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Actions, PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { addPlace, localPlaces } from '#lib/server/practices/places.ts';
import { COVERED_COUNTRIES } from '#lib/server/practices/gazetteer.ts';
import { countryName } from '#lib/server/practices/labels.ts';
import { failFromDomain, formObject } from '#lib/server/http/forms.ts';
import { parseInput } from '#lib/server/validation.ts';

const optionalNumber = (min: number, max: number, integer = false) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.transform((s) => (s === '' ? null : Number(s.replace(',', '.')))),
		v.check((n) => n === null || (Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n))), 'invalid')
	);

const placeSchema = v.object({
	name: v.pipe(v.string(), v.trim(), v.minLength(2, 'required'), v.maxLength(120, 'too_long')),
	country: v.pipe(v.string(), v.check((c) => COVERED_COUNTRIES.has(c), 'required')),
	population: optionalNumber(0, 50_000_000, true),
	latitude: optionalNumber(-90, 90),
	longitude: optionalNumber(-180, 180)
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const { database } = await getRuntime();
	return {
		places: (await localPlaces(database.db)).map((p) => ({ ...p, countryName: countryName(p.country, locals.locale) })),
		countries: [...COVERED_COUNTRIES].map((code) => ({ code, name: countryName(code, locals.locale) })).sort((a, b) => a.name.localeCompare(b.name, locals.locale)),
		added: url.searchParams.has('added')
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const values = formObject(await request.formData());
		const parsed = parseInput(placeSchema, values);
		if (!parsed.ok) return fail(422, { values, errors: parsed.errors });
		const { database } = await getRuntime();
		try {
			await addPlace({ ctx: { db: database.db, actor: locals.actor }, input: parsed.value });
		} catch (e) {
			return failFromDomain(e, { values });
		}
		redirect(303, `${url.pathname}?added`);
	}
};
