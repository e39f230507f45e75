import { createRequire } from 'node:module';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The map of practices, drawn on the server as SVG from Natural Earth (world-atlas) with
 * d3-geo: no tile server, no script, readable with JavaScript off.
 */
export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 640;

let countries: FeatureCollection<Geometry, { name: string }> | null = null;

function loadCountries() {
	if (countries) return countries;
	const require = createRequire(import.meta.url);
	const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
	countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
	return countries;
}

export interface MapPoint {
	latitude: number;
	longitude: number;
	count: number;
}

/** [west, south, east, north] in degrees. */
type Box = [number, number, number, number];

/**
 * Regions a visitor can zoom into (server-rendered: /practices/map?region=…), each its box in
 * degrees, from the widest to the narrowest.
 */
export const MAP_REGIONS = {
	brazil: [-74, -34, -34, 6],
	andes: [-82, -24, -60, 13],
	'southern-cone': [-76, -56, -40, -17],
	'rio-de-la-plata': [-65, -38, -48, -26]
} as const satisfies Record<string, Box>;
export type MapRegion = keyof typeof MAP_REGIONS;
export const MAP_REGION_IDS = Object.keys(MAP_REGIONS) as MapRegion[];

export const isMapRegion = (value: string): value is MapRegion => Object.hasOwn(MAP_REGIONS, value);

/**
 * Half the side of a marker's target, in map units: the map is at least about 320 px wide on a
 * phone, so 32 of its 800 units make a target of 25 px or more (WCAG 2.2 target size).
 */
export const MAP_TARGET = 32;

/** One marker: one city, or close cities grouped (their indexes in the points given). */
export interface MapGroup {
	x: number;
	y: number;
	/** Radius of the drawn circle; the target around it is MAP_TARGET. */
	r: number;
	members: number[];
	count: number;
	/** For a group of several cities: the narrowest region holding them all, narrower than this view (if any). */
	zoom: MapRegion | null;
}

const area = (b: Box) => (b[2] - b[0]) * (b[3] - b[1]);
const inside = (b: Box, p: MapPoint) => p.longitude >= b[0] && p.longitude <= b[2] && p.latitude >= b[1] && p.latitude <= b[3];

/**
 * Country outlines and markers, fitted to where the practices are (South America by default) or to
 * a region. Cities closer than two targets are grouped into one marker, so markers never overlap.
 */
export function drawMap(points: MapPoint[], region: MapRegion | null = null) {
	const located = points.filter((p) => p.latitude !== null && p.longitude !== null);
	let box: Box;
	if (region) box = [...MAP_REGIONS[region]];
	else {
		// Fit to the practices' extent, never tighter than a region, padded so circles are not cut.
		const lons = located.map((p) => p.longitude);
		const lats = located.map((p) => p.latitude);
		box = [Math.min(-82, ...lons) - 4, Math.max(-60, Math.min(-56, ...lats) - 3), Math.max(-34, ...lons) + 4, Math.max(13, ...lats) + 3];
	}
	const [west, south, east, north] = box;
	const extent: GeoPermissibleObjects = {
		type: 'MultiPoint',
		coordinates: [
			[west, south],
			[east, north],
			[west, north],
			[east, south]
		]
	};
	const projection = geoMercator().fitExtent(
		[
			[MAP_TARGET, MAP_TARGET],
			[MAP_WIDTH - MAP_TARGET, MAP_HEIGHT - MAP_TARGET]
		],
		extent
	);
	// Only what is inside the frame, with one decimal: a light SVG.
	projection.clipExtent([
		[0, 0],
		[MAP_WIDTH, MAP_HEIGHT]
	]);
	const path = geoPath(projection).digits(1);
	const shapes = loadCountries()
		.features.map((f) => ({ name: f.properties.name, d: path(f) ?? '' }))
		.filter((s) => s.d !== '');

	// Positions of the points inside the frame (a marker's whole target inside it).
	const projected = points.map((p) => (p.latitude === null || p.longitude === null ? null : (projection([p.longitude, p.latitude]) ?? null)));
	const shown = points
		.map((_, i) => i)
		.filter((i) => {
			const xy = projected[i];
			return xy !== null && xy[0] >= 0 && xy[0] <= MAP_WIDTH && xy[1] >= 0 && xy[1] <= MAP_HEIGHT;
		});
	// Greedy grouping, biggest first: a city joins the first marker closer than two targets, so
	// the markers kept are at least two targets apart and their targets never overlap.
	shown.sort((a, b) => points[b].count - points[a].count || a - b);
	const seeds: { x: number; y: number; members: number[] }[] = [];
	for (const i of shown) {
		const [x, y] = projected[i]!;
		const near = seeds.find((s) => Math.hypot(s.x - x, s.y - y) < 2 * MAP_TARGET);
		if (near) near.members.push(i);
		else seeds.push({ x, y, members: [i] });
	}
	const counts = seeds.map((s) => s.members.reduce((n, i) => n + points[i].count, 0));
	const max = Math.max(1, ...counts);
	const current = area(box);
	const groups: MapGroup[] = seeds.map((s, g) => {
		// Keep the whole target inside the frame.
		const x = Math.min(MAP_WIDTH - MAP_TARGET, Math.max(MAP_TARGET, s.x));
		const y = Math.min(MAP_HEIGHT - MAP_TARGET, Math.max(MAP_TARGET, s.y));
		const zoom =
			s.members.length < 2
				? null
				: (MAP_REGION_IDS.filter((id) => area([...MAP_REGIONS[id]]) < current && s.members.every((i) => inside([...MAP_REGIONS[id]], points[i]))).sort(
						(a, b) => area([...MAP_REGIONS[a]]) - area([...MAP_REGIONS[b]])
					)[0] ?? null);
		return {
			x: Math.round(x * 10) / 10,
			y: Math.round(y * 10) / 10,
			r: Math.round((10 + 12 * Math.sqrt(counts[g] / max)) * 10) / 10,
			members: s.members,
			count: counts[g],
			zoom
		};
	});
	return { width: MAP_WIDTH, height: MAP_HEIGHT, shapes, groups };
}
