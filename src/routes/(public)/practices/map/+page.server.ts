import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { placesWithPractices } from '#lib/server/practices/index.ts';
import { drawMap, isMapRegion, MAP_REGION_IDS, MAP_TARGET } from '#lib/server/practices/index.ts';
import { countryName } from '#lib/server/practices/index.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const asked = url.searchParams.get('region');
	if (asked !== null && !isMapRegion(asked)) error(400, m.map_region_unknown({}, { locale: locals.locale }));
	const region = asked && isMapRegion(asked) ? asked : null;
	const places = (await placesWithPractices(locals.ctx)).filter((p) => p.latitude !== null && p.longitude !== null);
	const map = drawMap(
		places.map((p) => ({ latitude: p.latitude!, longitude: p.longitude!, count: p.practices.length })),
		region
	);
	const byCountry = new Map<string, { country: string; name: string; places: typeof places }>();
	for (const p of places) {
		const group = byCountry.get(p.country) ?? { country: p.country, name: countryName(p.country, locals.locale), places: [] };
		group.places.push(p);
		byCountry.set(p.country, group);
	}
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return {
		region,
		regions: MAP_REGION_IDS,
		map: {
			width: map.width,
			height: map.height,
			shapes: map.shapes,
			target: MAP_TARGET,
			markers: map.groups.map((g) => {
				const members = g.members.map((i) => places[i]);
				const countries = [...new Set(members.map((p) => p.country))].sort();
				return {
					x: g.x,
					y: g.y,
					r: g.r,
					count: g.count,
					places: members.map((p) => p.name),
					zoom: g.zoom,
					// One city, or cities no region shows apart: the list of their countries' practices.
					listQuery: countries.map((c) => `country=${c}`).join('&')
				};
			})
		},
		countries: [...byCountry.values()].sort((a, b) => a.name.localeCompare(b.name, locals.locale))
	};
};
