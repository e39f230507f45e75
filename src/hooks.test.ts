import { describe, expect, it } from 'vitest';
import { reroute } from './hooks.ts';

const route = (url: string) => reroute({ url: new URL(url), fetch });

describe('reroute', () => {
	it('maps a localised path to its route', () => {
		expect(route('http://localhost:3000/pt/events/x')).toBe('/events/x');
		expect(route('http://localhost:3000/events/x?q=agua')).toBe('/events/x');
	});

	it('turns a URL no route can take into a path SvelteKit answers with its 400 page', () => {
		// `//x/..` made the localiser throw inside reroute: SvelteKit answered a bare 500.
		for (const url of ['http://localhost:3000//x/..', 'http://localhost:3000//', 'http://localhost:3000/practices?q=a%00b', 'http://localhost:3000/registration/ab%00c']) {
			expect(route(url), url).toBe('/%');
		}
		expect(() => decodeURI('/%')).toThrow();
	});

	it('refuses a query longer than any page needs, before a search spends work on it', () => {
		expect(route(`http://localhost:3000/api/v1/practices?q=${'palabra%20'.repeat(220)}`)).toBe('/%');
		// Every SDG, country and axis chosen at once is still an ordinary search.
		const facets = [...Array.from({ length: 17 }, (_, i) => `sdg=${i + 1}`), ...'AR BO BR CL CO EC PY PE UY VE MX ES PT'.split(' ').map((c) => `country=${c}`)].join('&');
		expect(route(`http://localhost:3000/practices?q=presupuesto%20participativo&${facets}`)).toBe('/practices');
	});
});
