import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { suggestCities } from '#lib/server/practices/index.ts';

/** City names from the gazetteer for a form's suggestions: ?q=mont&country=UY (at most 10). */
export const GET: RequestHandler = ({ url }) => {
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const country = (url.searchParams.get('country') ?? '').toUpperCase();
	const cities = suggestCities(q, { country: /^[A-Z]{2}$/.test(country) ? country : undefined, limit: 10 });
	return json(
		cities.map((c) => ({ name: c.name, country: c.country, population: c.population })),
		{ headers: { 'cache-control': 'public, max-age=86400' } }
	);
};
