import type { PageServerLoad } from './$types';
import { placesWithPractices } from '#lib/server/practices/index.ts';
import { drawMap } from '#lib/server/practices/index.ts';
import { countryName } from '#lib/server/practices/index.ts';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	const places = (await placesWithPractices(locals.ctx)).filter((p) => p.latitude !== null && p.longitude !== null);
	const map = drawMap(places.map((p) => ({ latitude: p.latitude!, longitude: p.longitude!, count: p.practices.length })));
	const byCountry = new Map<string, { country: string; name: string; places: typeof places }>();
	for (const p of places) {
		const group = byCountry.get(p.country) ?? { country: p.country, name: countryName(p.country, locals.locale), places: [] };
		group.places.push(p);
		byCountry.set(p.country, group);
	}
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return {
		map: { ...map, points: places.map((p, i) => ({ ...map.positions[i], name: p.name, country: p.country, count: p.practices.length, first: p.practices[0].slug })) },
		countries: [...byCountry.values()].sort((a, b) => a.name.localeCompare(b.name, locals.locale))
	};
};
