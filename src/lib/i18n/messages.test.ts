import { describe, expect, it } from 'vitest';
import fs from 'node:fs';

const load = (l: string) => JSON.parse(fs.readFileSync(`messages/${l}.json`, 'utf8')) as Record<string, string>;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

describe('messages', () => {
	const es = load('es');
	delete es.$schema;
	for (const locale of ['pt', 'en']) {
		it(`${locale} has every Spanish message, with the same placeholders, and nothing empty`, () => {
			const other = load(locale);
			expect(Object.keys(other).sort()).toEqual(Object.keys(es).sort());
			for (const key of Object.keys(es)) {
				expect(placeholders(other[key]), key).toEqual(placeholders(es[key]));
				expect(other[key].trim(), key).not.toBe('');
			}
		});
	}
});
