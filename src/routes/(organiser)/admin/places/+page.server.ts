import * as v from 'valibot';
import type { Actions, PageServerLoad } from './$types';
import { addPlace, COVERED_COUNTRIES, countryName, localPlaces } from '#lib/server/practices/index.ts';
import { formAction } from '#lib/server/http/action.ts';
import { parseInput, oneLine } from '#lib/server/validation.ts';

const optionalNumber = (min: number, max: number, integer = false) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.transform((s) => (s === '' ? null : Number(s.replace(',', '.')))),
		v.check((n) => n === null || (Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n))), 'invalid')
	);

const placeSchema = v.object({
	name: oneLine(120, 2),
	country: v.pipe(v.string(), v.check((c) => COVERED_COUNTRIES.has(c), 'required')),
	population: optionalNumber(0, 50_000_000, true),
	latitude: optionalNumber(-90, 90),
	longitude: optionalNumber(-180, 180)
});

export const load: PageServerLoad = async ({ locals, url }) => {
	return {
		places: (await localPlaces(locals.ctx)).map((p) => ({ ...p, countryName: countryName(p.country, locals.locale) })),
		countries: [...COVERED_COUNTRIES].map((code) => ({ code, name: countryName(code, locals.locale) })).sort((a, b) => a.name.localeCompare(b.name, locals.locale)),
		added: url.searchParams.has('added')
	};
};

export const actions: Actions = {
	default: formAction({
		parse: (form) => parseInput(placeSchema, Object.fromEntries([...form].filter(([, value]) => typeof value === 'string'))),
		run: ({ ctx, input }) => addPlace({ ctx, input }),
		done: (_, { url }) => `${url.pathname}?added`
	})
};
