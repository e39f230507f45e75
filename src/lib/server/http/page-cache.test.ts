import { describe, expect, it } from 'vitest';
import { cacheKey, cachedResponse, invalidatePageCache, lookupRaw, storeResponse } from './page-cache.ts';

const get = (path: string, headers: Record<string, string> = {}) => {
	const url = new URL(`http://localhost${path}`);
	return { request: new Request(url, { headers }), url };
};
const html = (body: string, headers: Record<string, string> = {}) =>
	new Response(body, { status: 200, headers: { 'content-type': 'text/html', ...headers } });

describe('the anonymous page cache', () => {
	it('serves a stored page again until anything is written', async () => {
		const { request, url } = get('/practices?q=agua', { cookie: 'tz=America%2FMontevideo' });
		const key = cacheKey(request, url)!;
		expect(key).toBe('localhost|/practices?q=agua|America%2FMontevideo');
		expect(cachedResponse(key)).toBeNull();
		const first = await storeResponse(key, html('<p>v1</p>'));
		expect(first.headers.get('x-cache')).toBe('miss');
		const hit = cachedResponse(key)!;
		expect(hit.headers.get('x-cache')).toBe('hit');
		expect(await hit.text()).toBe('<p>v1</p>');
		invalidatePageCache();
		expect(cachedResponse(key)).toBeNull();
	});

	it('expires entries, and never keeps private or personal responses', async () => {
		const { request, url } = get('/events/x');
		const key = cacheKey(request, url)!;
		await storeResponse(key, html('x'), 0);
		expect(cachedResponse(key, 60_000)).toBeNull();
		expect(cacheKey(get('/practices', { cookie: 'better-auth.session_token=abc' }).request, new URL('http://localhost/practices'))).toBeNull();
		for (const path of ['/admin', '/pt/admin/outbox', '/sign-in', '/api/auth/magic-link/verify']) {
			expect(cacheKey(get(path).request, new URL(`http://localhost${path}`))).toBeNull();
		}
		await storeResponse('k1', html('x', { 'set-cookie': 'a=b' }));
		await storeResponse('k2', new Response('x', { status: 404, headers: { 'content-type': 'text/html' } }));
		await storeResponse('k3', html('x', { 'cache-control': 'no-store' }));
		expect([cachedResponse('k1'), cachedResponse('k2'), cachedResponse('k3')]).toEqual([null, null, null]);
	});

	it('keeps a page per host: links built on one allowed host are not served on another', async () => {
		const local = new URL('http://localhost:3000/practices');
		const key = cacheKey(new Request(local), local)!;
		await storeResponse(key, html('<a href="http://localhost:3000/x">x</a>'));
		expect(lookupRaw('GET', '/practices', { host: 'localhost:3000' })).not.toBeNull();
		expect(lookupRaw('GET', '/practices', { host: '192.168.1.10:3000' })).toBeNull();
		const lan = new URL('http://192.168.1.10:3000/practices');
		expect(cacheKey(new Request(lan), lan)).not.toBe(key);
	});
});
