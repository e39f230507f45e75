import { ARTICULATION_LEVELS, PRACTICE_LANGUAGES } from './schema.ts';
import { SORTS } from './search.ts';
import { EVENT_PHASES, EVENT_WHEN } from '../events/index.ts';
import { LOCALES } from '../../i18n/localized.ts';

const list = (description: string, items: Record<string, unknown>) => ({
	in: 'query',
	required: false,
	description: `${description} Repeat the parameter (or separate values with commas) to accept several.`,
	schema: { type: 'array', items },
	style: 'form',
	explode: true
});

/** OpenAPI 3.1 description of the open-data API. */
export function openApiDocument(origin: string) {
	const practice = {
		type: 'object',
		required: ['id', 'slug', 'url', 'title', 'summary', 'language', 'licence', 'version'],
		properties: {
			id: { type: 'string', format: 'uuid', description: 'Stable identifier.' },
			slug: { type: 'string' },
			url: { type: 'string', format: 'uri' },
			title: { type: 'string' },
			summary: { type: 'string' },
			language: { type: 'string', enum: PRACTICE_LANGUAGES },
			places: { type: 'string', description: 'Names of the places, lead place first.' },
			countries: { type: 'array', items: { type: 'string', description: 'ISO 3166-1 alpha-2' } },
			population: { type: ['integer', 'null'], description: 'Population of the lead place (GeoNames).' },
			sizeBand: { type: ['string', 'null'] },
			axes: { type: 'array', items: { type: 'string' } },
			articulation: { type: 'string', enum: ARTICULATION_LEVELS },
			startYear: { type: ['integer', 'null'] },
			endYear: { type: ['integer', 'null'] },
			ongoing: { type: 'boolean' },
			sdgs: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 17 } },
			tags: { type: 'array', items: { type: 'string' } },
			licence: { type: 'string', example: 'CC-BY-4.0' },
			illustrativeDemo: { type: 'boolean', description: 'True for illustrative demo content, which describes no real experience.' },
			version: { type: 'integer' },
			publishedAt: { type: ['string', 'null'], format: 'date-time' },
			updatedAt: { type: 'string', format: 'date-time' }
		}
	};
	const localized = {
		type: 'object',
		description: 'A text in the languages it is written in (Spanish first; a missing language is left out).',
		properties: Object.fromEntries(LOCALES.map((l) => [l, { type: 'string' }]))
	};
	const network = {
		type: 'object',
		required: ['id', 'slug', 'url', 'name', 'shortName', 'description', 'websiteUrl', 'logoUrl', 'units', 'illustrativeDemo'],
		properties: {
			id: { type: 'string', format: 'uuid' },
			slug: { type: 'string' },
			url: { type: 'string', format: 'uri', description: "The network's page." },
			name: { type: 'string' },
			shortName: { type: 'string' },
			description: { $ref: '#/components/schemas/LocalizedText' },
			websiteUrl: { type: ['string', 'null'], format: 'uri' },
			logoUrl: { type: ['string', 'null'], format: 'uri', description: 'Null when the network has no logo.' },
			units: {
				type: 'array',
				description: "The network's thematic units and working groups, in order.",
				items: { type: 'object', required: ['slug', 'name'], properties: { slug: { type: 'string' }, name: { $ref: '#/components/schemas/LocalizedText' } } }
			},
			illustrativeDemo: { type: 'boolean', description: 'True for the demo network, whose texts are examples.' }
		}
	};
	const event = {
		type: 'object',
		required: ['id', 'slug', 'url', 'network', 'unit', 'title', 'summary', 'timeZone', 'languages', 'phase', 'illustrativeDemo', 'sessions', 'publishedAt', 'updatedAt'],
		properties: {
			id: { type: 'string', format: 'uuid' },
			slug: { type: 'string' },
			url: { type: 'string', format: 'uri', description: "The exchange's page." },
			network: { type: 'string', description: "The network's slug (see /api/v1/networks)." },
			unit: {
				type: ['object', 'null'],
				required: ['slug', 'name'],
				properties: { slug: { type: 'string' }, name: { $ref: '#/components/schemas/LocalizedText' } }
			},
			title: { $ref: '#/components/schemas/LocalizedText' },
			summary: { $ref: '#/components/schemas/LocalizedText' },
			timeZone: { type: 'string', description: 'IANA time zone the exchange is held in, e.g. America/Montevideo.' },
			languages: { type: 'array', items: { type: 'string', enum: LOCALES }, description: 'Languages the exchange is offered in.' },
			phase: {
				type: 'string',
				enum: EVENT_PHASES.filter((p) => p !== 'draft'),
				description: 'Read from its status and dates now: registration open or closed, no dates yet, live, held, concluded, archived.'
			},
			illustrativeDemo: { type: 'boolean', description: 'True for illustrative demo content.' },
			sessions: {
				type: 'array',
				items: {
					type: 'object',
					required: ['id', 'title', 'startsAt', 'endsAt'],
					properties: {
						id: { type: 'string', format: 'uuid' },
						title: { $ref: '#/components/schemas/LocalizedText' },
						startsAt: { type: 'string', format: 'date-time' },
						endsAt: { type: 'string', format: 'date-time' }
					}
				}
			},
			publishedAt: { type: ['string', 'null'], format: 'date-time' },
			updatedAt: { type: 'string', format: 'date-time' }
		}
	};
	const page = (schema: string, description: string) => ({
		description,
		content: {
			'application/json': {
				schema: {
					type: 'object',
					required: ['data', 'meta', 'links'],
					properties: {
						data: { type: 'array', items: { $ref: `#/components/schemas/${schema}` } },
						meta: {
							type: 'object',
							properties: { total: { type: 'integer' }, page: { type: 'integer' }, perPage: { type: 'integer' }, pages: { type: 'integer' }, licence: { type: 'string' } }
						},
						links: {
							type: 'object',
							properties: {
								self: { type: 'string', format: 'uri' },
								first: { type: 'string', format: 'uri' },
								prev: { type: ['string', 'null'], format: 'uri' },
								next: { type: ['string', 'null'], format: 'uri' }
							}
						}
					}
				}
			}
		}
	});
	return {
		openapi: '3.1.0',
		info: {
			title: 'Intercambio — open data API',
			version: '1.0.0',
			description: 'Published good practices of cities, searchable in Spanish and Portuguese, and the networks and exchanges where they are presented. Data under CC BY 4.0.',
			license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' }
		},
		servers: [{ url: origin }],
		paths: {
			'/api/v1/practices': {
				get: {
					summary: 'Search published practices',
					parameters: [
						{ name: 'q', in: 'query', required: false, description: 'Words, in Spanish or Portuguese (accents and small misspellings forgiven).', schema: { type: 'string', maxLength: 200 } },
						{ name: 'axis', ...list('Thematic axis slug.', { type: 'string' }) },
						{ name: 'country', ...list('ISO 3166-1 alpha-2 code.', { type: 'string', pattern: '^[A-Z]{2}$' }) },
						{ name: 'size', ...list('Size band code.', { type: 'string' }) },
						{ name: 'level', ...list('Level of articulation.', { type: 'string', enum: ARTICULATION_LEVELS }) },
						{ name: 'sdg', ...list('Sustainable Development Goal number.', { type: 'integer', minimum: 1, maximum: 17 }) },
						{ name: 'year', ...list('Start year.', { type: 'integer' }) },
						{ name: 'lang', ...list('Language of the practice.', { type: 'string', enum: PRACTICE_LANGUAGES }) },
						{ name: 'network', ...list('Network slug (practices presented at one of its exchanges).', { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' }) },
						{ name: 'event', ...list('Event id (practices presented there).', { type: 'string', format: 'uuid' }) },
						{ name: 'sort', in: 'query', required: false, schema: { type: 'string', enum: SORTS, default: 'relevance' } },
						{ name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
						{ name: 'per_page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } }
					],
					responses: {
						200: {
							description: 'A page of practices, with totals, facet counts and links.',
							content: {
								'application/json': {
									schema: {
										type: 'object',
										properties: {
											data: { type: 'array', items: { $ref: '#/components/schemas/Practice' } },
											meta: { type: 'object' },
											links: { type: 'object' }
										}
									}
								}
							}
						}
					}
				}
			},
			'/api/v1/networks': {
				get: {
					summary: 'Every network of cities, with its units',
					responses: {
						200: {
							description: 'The networks.',
							content: {
								'application/json': {
									schema: {
										type: 'object',
										required: ['data', 'meta'],
										properties: {
											data: { type: 'array', items: { $ref: '#/components/schemas/Network' } },
											meta: { type: 'object', properties: { total: { type: 'integer' }, licence: { type: 'string' } } }
										}
									}
								}
							}
						}
					}
				}
			},
			'/api/v1/events': {
				get: {
					summary: 'Published and archived exchanges',
					description: 'Upcoming exchanges come first (soonest first), then past ones (most recent first). Drafts are never listed.',
					parameters: [
						{ name: 'network', in: 'query', required: false, description: 'Network slug; an unknown one lists nothing.', schema: { type: 'string' } },
						{
							name: 'when',
							in: 'query',
							required: false,
							description: 'upcoming: a session has not ended yet, or no dates yet · past: every session ended, or archived.',
							schema: { type: 'string', enum: EVENT_WHEN, default: 'all' }
						},
						{ name: 'lang', in: 'query', required: false, description: 'Only exchanges offered in this language.', schema: { type: 'string', enum: LOCALES } },
						{ name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
						{ name: 'per_page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } }
					],
					responses: { 200: page('Event', 'A page of exchanges, with totals and links.') }
				}
			},
			'/networks/{slug}/events.atom': {
				get: {
					summary: "A network's upcoming exchanges (Atom)",
					parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
					responses: { 200: { description: 'Atom feed' }, 308: { description: 'An old slug: the current address' }, 404: { description: 'No such network' } }
				}
			},
			'/networks/{slug}/events.ics': {
				get: {
					summary: "A network's upcoming exchanges as a calendar (iCalendar; subscribe with webcal://)",
					parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
					responses: { 200: { description: 'text/calendar, one VEVENT per session' }, 308: { description: 'An old slug: the current address' }, 404: { description: 'No such network' } }
				}
			},
			'/practices/export.json': { get: { summary: 'Every published practice as one JSON document', responses: { 200: { description: 'JSON' } } } },
			'/practices/export.csv': { get: { summary: 'Every published practice as CSV', responses: { 200: { description: 'CSV' } } } },
			'/practices/feed.atom': { get: { summary: 'The newest practices (Atom)', responses: { 200: { description: 'Atom feed' } } } }
		},
		components: { schemas: { Practice: practice, Network: network, Event: event, LocalizedText: localized } }
	};
}
