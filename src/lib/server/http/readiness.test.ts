import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { probeDatabase } from './readiness.ts';

/** A database whose every query waits until `answer()` is called. */
function slowDatabase() {
	let calls = 0;
	const waiting: (() => void)[] = [];
	const db = { execute: () => (calls++, new Promise<unknown[]>((resolve) => waiting.push(() => resolve([])))) } as unknown as Db;
	return { database: { db, kind: 'postgres' as const }, calls: () => calls, answer: () => waiting.splice(0).forEach((w) => w()) };
}

describe('the readiness probe', () => {
	it('answers "not ready" within its timeout when the database is busy, and probes together share one query', async () => {
		const slow = slowDatabase();
		const started = performance.now();
		const probes = Array.from({ length: 50 }, () => probeDatabase(slow.database, 100).then(() => 'ready', () => 'busy'));
		expect(await Promise.all(probes)).toEqual(Array(50).fill('busy'));
		expect(performance.now() - started).toBeLessThan(1000);
		expect(slow.calls()).toBe(1);
		// Once the database answers, the next probe is ready.
		slow.answer();
		const next = probeDatabase(slow.database, 100);
		slow.answer();
		await expect(next).resolves.toMatchObject({ database: 'postgres' });
	});
});
