import { describe, expect, it } from 'vitest';
import { consume, limitFor } from './rate-limit.ts';

describe('rate limits', () => {
	it('counts sign-in posts in every language under the strict limit', () => {
		for (const path of ['/sign-in', '/pt/sign-in', '/en/sign-in', '/api/auth/magic-link/verify']) {
			expect(limitFor('POST', path, false)).toBe('signIn');
		}
		expect(limitFor('POST', '/pt/time-zone', false)).toBe('publicForm');
		expect(limitFor('POST', '/admin/events/x', true)).toBeNull();
		expect(limitFor('GET', '/sign-in', false)).toBeNull();
		expect(limitFor('POST', '/portal', false)).toBe('publicForm');
	});

	it('makes the eleventh sign-in from one address wait', async () => {
		const waits: number[] = [];
		for (let i = 0; i < 11; i++) waits.push(await consume('signIn', '203.0.113.99'));
		expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
		expect(waits[10]).toBeGreaterThan(0);
		expect(await consume('signIn', '203.0.113.100')).toBe(0);
	});
});
