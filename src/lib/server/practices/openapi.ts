import { ARTICULATION_LEVELS, PRACTICE_LANGUAGES } from './schema.ts';
import { SORTS } from './search.ts';

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
	return {
		openapi: '3.1.0',
		info: {
			title: 'Intercambio — practice repository API',
			version: '1.0.0',
			description: 'Published good practices of cities, searchable in Spanish and Portuguese. Data under CC BY 4.0.',
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
			'/practices/export.json': { get: { summary: 'Every published practice as one JSON document', responses: { 200: { description: 'JSON' } } } },
			'/practices/export.csv': { get: { summary: 'Every published practice as CSV', responses: { 200: { description: 'CSV' } } } },
			'/practices/feed.atom': { get: { summary: 'The newest practices (Atom)', responses: { 200: { description: 'Atom feed' } } } }
		},
		components: { schemas: { Practice: practice } }
	};
}
