import { describe, expect, it } from 'vitest';
import { openCacheChannel } from './cache-channel.ts';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('page cache invalidation across instances (PostgreSQL)', () => {
	it('tells every other instance, and not the one that wrote', async () => {
		const heard: string[] = [];
		const a = await openCacheChannel(url!, () => heard.push('a'));
		const b = await openCacheChannel(url!, () => heard.push('b'));
		const c = await openCacheChannel(url!, () => heard.push('c'));
		try {
			await a.broadcast();
			await expect.poll(() => [...heard].sort(), { timeout: 5000 }).toEqual(['b', 'c']);
		} finally {
			await Promise.all([a.close(), b.close(), c.close()]);
		}
	});
});
