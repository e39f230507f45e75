import { describe, expect, it } from 'vitest';
import { consume, databaseLimiters, limitFor } from './rate-limit.ts';
import { testDatabases } from '../db/testing.ts';

describe('rate limits', () => {
	it('counts sign-in posts in every language under the strict limit', () => {
		for (const path of ['/sign-in', '/pt/sign-in', '/en/sign-in', '/api/auth/magic-link/verify']) {
			expect(limitFor('POST', path, false)).toBe('signIn');
		}
		expect(limitFor('POST', '/pt/time-zone', false)).toBe('publicForm');
		expect(limitFor('POST', '/admin/events/x', true)).toBeNull();
		expect(limitFor('GET', '/sign-in', false)).toBeNull();
		expect(limitFor('GET', '/api/auth/magic-link/verify', false)).toBe('signIn');
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

describe.each(testDatabases())('rate limits shared through $name', ({ open }) => {
	it('counts one address across two instances of the app', async () => {
		const database = await open();
		try {
			// Two app instances on one database: each has its own limiters, the counters are shared.
			const first = databaseLimiters(database.db);
			const second = databaseLimiters(database.db);
			const waits: number[] = [];
			for (let i = 0; i < 6; i++) waits.push(await consume('signIn', '198.51.100.9', first));
			for (let i = 0; i < 4; i++) waits.push(await consume('signIn', '198.51.100.9', second));
			expect(waits).toEqual(Array(10).fill(0));
			expect(await consume('signIn', '198.51.100.9', first)).toBeGreaterThan(0);
			expect(await consume('signIn', '198.51.100.10', second)).toBe(0);
		} finally {
			await database.close();
		}
	});
});
