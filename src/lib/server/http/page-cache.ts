/**
 * A small in-process cache of anonymous GET responses (public pages, open data).
 * Any write through this process empties it; entries also expire after a short time, which
 * bounds staleness when several instances share one PostgreSQL server.
 */
import { gzipSync } from 'node:zlib';

interface Entry {
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	/** The same body gzipped once, for the many clients that accept it. */
	gzipped: Uint8Array;
	generation: number;
	expires: number;
}

const MAX_ENTRIES = 1000;
const MAX_BODY = 1024 * 1024;
const TTL_MS = 30_000;
const CACHEABLE_TYPES = /^(text\/html|application\/json|application\/xml|application\/atom\+xml|text\/csv|text\/calendar)/;
// Only what is the same for every anonymous visitor: never the organisers' area or sign-in.
const PRIVATE_PATHS = /^(?:\/(?:pt|en))?\/(?:admin|sign-in|sign-out|api\/auth|healthz|readyz|practices\/submit)(?:\/|$)/;

const entries = new Map<string, Entry>();
let generation = 0;

const writeListeners: (() => void)[] = [];

/** Called on every local write (the runtime uses it to tell other instances). */
export function onLocalWrite(listener: () => void): void {
	writeListeners.push(listener);
}

/** Something changed: every cached page may be stale. A local write is also announced. */
export function invalidatePageCache(options: { announce?: boolean } = {}): void {
	generation++;
	entries.clear();
	if (options.announce ?? true) for (const listener of writeListeners) listener();
}

export function hasSessionCookie(cookieHeader: string | null): boolean {
	return !!cookieHeader && /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/.test(cookieHeader);
}

/** The cache key from the raw parts of a request, or null when it must not use the cache. */
export function keyOf(method: string, pathAndQuery: string, cookie: string | null, cacheControl: string | null, host = ''): string | null {
	if (method !== 'GET') return null;
	if (hasSessionCookie(cookie)) return null;
	const pathname = pathAndQuery.split('?', 1)[0];
	if (PRIVATE_PATHS.test(pathname)) return null;
	if (cacheControl?.includes('no-cache')) return null;
	// Pages show times in the visitor's zone, chosen in a cookie.
	const zone = /(?:^|;\s*)tz=([^;]*)/.exec(cookie ?? '')?.[1] ?? '';
	// Pages carry links to the host they were asked on (only allowed hosts get here, see
	// allowed-hosts.ts): a page asked on localhost is not served to a visitor on 192.168.1.10.
	return `${host.toLowerCase()}|${pathAndQuery}|${zone}`;
}

export function cacheKey(request: Request, url: URL): string | null {
	return keyOf(request.method, `${url.pathname}${url.search}`, request.headers.get('cookie'), request.headers.get('cache-control'), url.host);
}

function fresh(key: string, now: number): Entry | null {
	const entry = entries.get(key);
	if (!entry) return null;
	if (entry.generation !== generation || entry.expires < now) {
		entries.delete(key);
		return null;
	}
	// Most recently used last, so the oldest is evicted first.
	entries.delete(key);
	entries.set(key, entry);
	return entry;
}

/**
 * For the HTTP server in front of the app (server.js): answer a hit before any framework
 * work, gzipped when the client accepts it. Returns null on a miss.
 */
export function lookupRaw(
	method: string,
	pathAndQuery: string,
	headers: { cookie?: string; 'cache-control'?: string; 'accept-encoding'?: string; host?: string }
): { status: number; headers: [string, string][]; body: Uint8Array } | null {
	// `host` is the host the app builds links from (server.js passes ORIGIN's, or the allowed Host).
	const key = keyOf(method, pathAndQuery, headers.cookie ?? null, headers['cache-control'] ?? null, headers.host ?? '');
	if (!key) return null;
	const entry = fresh(key, Date.now());
	if (!entry) return null;
	const gzip = /\bgzip\b/.test(headers['accept-encoding'] ?? '');
	const out: [string, string][] = [...entry.headers, ['x-cache', 'hit'], ['vary', 'Accept-Encoding']];
	if (gzip) out.push(['content-encoding', 'gzip']);
	const body = gzip ? entry.gzipped : entry.body;
	out.push(['content-length', String(body.byteLength)]);
	return { status: entry.status, headers: out, body };
}

export function cachedResponse(key: string, now = Date.now()): Response | null {
	const entry = fresh(key, now);
	if (!entry) return null;
	const headers = new Headers(entry.headers);
	headers.set('x-cache', 'hit');
	return new Response(entry.body.slice(), { status: entry.status, headers });
}

/** Keep a copy of a response that is the same for every anonymous visitor. */
export async function storeResponse(key: string, response: Response, now = Date.now()): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (response.status !== 200 || response.headers.has('set-cookie') || !CACHEABLE_TYPES.test(type)) return response;
	const cacheControl = response.headers.get('cache-control') ?? '';
	if (/no-store|private/.test(cacheControl)) return response;
	const startedAt = generation;
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	headers.set('x-cache', 'miss');
	if (body.byteLength <= MAX_BODY && startedAt === generation) {
		const kept = [...headers].filter(([k]) => !['x-cache', 'content-length', 'content-encoding', 'vary'].includes(k));
		entries.set(key, { status: 200, headers: kept, body, gzipped: gzipSync(body), generation, expires: now + TTL_MS });
		while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	}
	return new Response(body, { status: 200, headers });
}
