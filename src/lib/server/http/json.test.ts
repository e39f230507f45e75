import { describe, expect, it } from 'vitest';
import { safeJson } from './json.ts';

describe('JSON answers', () => {
	it('never hold markup as written, yet parse back to the same text', async () => {
		const data = { title: '<script>alert(1)</script> & "x"', n: 1 };
		const response = safeJson(data, { headers: { 'cache-control': 'no-store' } });
		const text = await response.text();
		expect(text).toBe('{"title":"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\"x\\"","n":1}');
		expect(JSON.parse(text)).toEqual(data);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.status).toBe(200);
	});
});
