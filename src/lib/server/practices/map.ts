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

/** Country outlines and point positions, fitted to where the practices are (South America by default). */
export function drawMap(points: MapPoint[]) {
	const located = points.filter((p) => p.latitude !== null && p.longitude !== null);
	// Fit to the practices' extent, never tighter than a region, padded so circles are not cut.
	const lons = located.map((p) => p.longitude);
	const lats = located.map((p) => p.latitude);
	const west = Math.min(-82, ...lons) - 4;
	const east = Math.max(-34, ...lons) + 4;
	const south = Math.max(-60, Math.min(-56, ...lats) - 3);
	const north = Math.max(13, ...lats) + 3;
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
			[10, 10],
			[MAP_WIDTH - 10, MAP_HEIGHT - 10]
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
	const max = Math.max(1, ...located.map((p) => p.count));
	const positions = located.map((p) => {
		const [x, y] = projection([p.longitude, p.latitude]) ?? [NaN, NaN];
		return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, r: Math.round((5 + 9 * Math.sqrt(p.count / max)) * 10) / 10 };
	});
	return { width: MAP_WIDTH, height: MAP_HEIGHT, shapes, positions };
}
