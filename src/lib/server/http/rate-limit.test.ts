import { describe, expect, it } from 'vitest';
import { accountLockWait, clearPasswordFailures, consume, databaseLimiters, limitFor, lockSecondsFor, memoryLimiters, recordPasswordFailure } from './rate-limit.ts';
import { testDatabases } from '../db/testing.ts';

const post = (routeId: string | null, pathname: string, signedIn = false) => limitFor({ method: 'POST', routeId, pathname, signedIn });

describe('rate limits', () => {
	it('counts sign-in posts under the strict limit by the route the router resolved', () => {
		// /sign-in, /pt/sign-in, /en/sign-in, /sign%2Din and /sign-in/ all resolve to the route /sign-in.
		for (const path of ['/sign-in', '/pt/sign-in', '/en/sign-in', '/sign%2Din', '/sign-in/']) {
			expect(post('/sign-in', path)).toBe('signIn');
		}
		expect(post(null, '/api/auth/magic-link/verify')).toBe('signIn');
		expect(post('/(public)/time-zone', '/pt/time-zone')).toBe('publicForm');
		expect(post('/(organiser)/admin/events/[id=uuid]', '/admin/events/x', true)).toBeNull();
		expect(limitFor({ method: 'GET', routeId: '/sign-in', pathname: '/sign-in', signedIn: false })).toBeNull();
		expect(limitFor({ method: 'GET', routeId: null, pathname: '/api/auth/magic-link/verify', signedIn: false })).toBe('signIn');
		expect(post(null, '/portal')).toBe('publicForm');
	});

	it('never exempts a sign-in attempt because the request carries a session', () => {
		// A reviewer's cookie used to skip the limit on passwords (e.g. on /sign-in/ or /sign%2Din).
		for (const path of ['/sign-in', '/sign%2Din', '/sign-in/']) expect(post('/sign-in', path, true)).toBe('signIn');
	});

	it('makes the eleventh sign-in from one address wait', async () => {
		const waits: number[] = [];
		for (let i = 0; i < 11; i++) waits.push(await consume('signIn', '203.0.113.99'));
		expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
		expect(waits[10]).toBeGreaterThan(0);
		expect(await consume('signIn', '203.0.113.100')).toBe(0);
	});

	it('locks an account after five wrong passwords, for a minute doubling up to an hour', () => {
		expect([1, 4, 5, 6, 7, 8, 11, 12, 40].map(lockSecondsFor)).toEqual([0, 0, 60, 120, 240, 480, 3600, 3600, 3600]);
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

	it('locks an account for every instance, from any address, and a right password forgets the failures', async () => {
		const database = await open();
		try {
			const first = databaseLimiters(database.db);
			const second = databaseLimiters(database.db);
			const locks: number[] = [];
			for (let i = 0; i < 4; i++) locks.push(await recordPasswordFailure('Ana@Example.org', i % 2 ? first : second));
			expect(locks).toEqual([0, 0, 0, 0]);
			expect(await accountLockWait('ana@example.org', first)).toBe(0);
			expect(await recordPasswordFailure('ana@example.org ', first)).toBe(60);
			const wait = await accountLockWait('ANA@example.org', second);
			expect(wait).toBeGreaterThan(55);
			expect(wait).toBeLessThanOrEqual(60);
			expect(await accountLockWait('bruno@example.org', second)).toBe(0);
			// The next failure (after the lock, or while it holds) doubles it.
			expect(await recordPasswordFailure('ana@example.org', second)).toBe(120);
			await clearPasswordFailures('ana@example.org', first);
			expect(await recordPasswordFailure('ana@example.org', first)).toBe(0);
		} finally {
			await database.close();
		}
	});
});

describe('account locks in memory', () => {
	it('are separate per account', async () => {
		const limiters = memoryLimiters();
		for (let i = 0; i < 5; i++) await recordPasswordFailure('a@example.org', limiters);
		expect(await accountLockWait('a@example.org', limiters)).toBeGreaterThan(0);
		expect(await accountLockWait('b@example.org', limiters)).toBe(0);
	});
});
