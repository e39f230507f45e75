/**
 * A small in-process cache of anonymous GET responses (public pages, open data).
 * Any write through this process empties it; entries also expire after a short time, which
 * bounds staleness when several instances share one PostgreSQL server.
 */
interface Entry {
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	generation: number;
	expires: number;
}

const MAX_ENTRIES = 1000;
const MAX_BODY = 1024 * 1024;
const TTL_MS = 30_000;
const CACHEABLE_TYPES = /^(text\/html|application\/json|application\/xml|application\/atom\+xml|text\/csv|text\/calendar)/;
// Only what is the same for every anonymous visitor: never the organisers' area or sign-in.
const PRIVATE_PATHS = /^(?:\/(?:pt|en))?\/(?:admin|sign-in|sign-out|api\/auth|healthz|readyz)(?:\/|$)/;

const entries = new Map<string, Entry>();
let generation = 0;

/** Something changed: every cached page may be stale. */
export function invalidatePageCache(): void {
	generation++;
	entries.clear();
}

export function hasSessionCookie(cookieHeader: string | null): boolean {
	return !!cookieHeader && /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/.test(cookieHeader);
}

/** The cache key, or null when this request must not be served from (or stored in) the cache. */
export function cacheKey(request: Request, url: URL): string | null {
	if (request.method !== 'GET') return null;
	const cookie = request.headers.get('cookie');
	if (hasSessionCookie(cookie)) return null;
	if (PRIVATE_PATHS.test(url.pathname)) return null;
	if (request.headers.get('cache-control')?.includes('no-cache')) return null;
	// Pages show times in the visitor's zone, chosen in a cookie.
	const zone = /(?:^|;\s*)tz=([^;]*)/.exec(cookie ?? '')?.[1] ?? '';
	return `${url.pathname}${url.search}|${zone}`;
}

export function cachedResponse(key: string, now = Date.now()): Response | null {
	const entry = entries.get(key);
	if (!entry) return null;
	if (entry.generation !== generation || entry.expires < now) {
		entries.delete(key);
		return null;
	}
	// Most recently used last, so the oldest is evicted first.
	entries.delete(key);
	entries.set(key, entry);
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
		entries.set(key, { status: 200, headers: [...headers].filter(([k]) => k !== 'x-cache'), body, generation, expires: now + TTL_MS });
		while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	}
	return new Response(body, { status: 200, headers });
}
