import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { isOrganiser, userFromRequest } from '#lib/server/auth/index.ts';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { getRuntime, registerWithHost } from '#lib/server/runtime.ts';
import { headersForAuth } from '#lib/server/http/client-address.ts';
import { consume, limitFor } from '#lib/server/http/rate-limit.ts';
import { isPublicAuthEndpoint } from '#lib/server/http/auth-endpoints.ts';
import { formProblem, isFormPost, refusedBody } from '#lib/server/http/request-guard.ts';
import { cacheKey, cachedResponse, invalidatePageCache, storeResponse } from '#lib/server/http/page-cache.ts';
import { applySecurityHeaders } from '#lib/server/http/security-headers.ts';
import { log } from '#lib/server/log.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/i18n/localized.ts';

export const init: ServerInit = async () => {
	await getRuntime();
	// server.js closes the database on SIGTERM/SIGINT and answers cache hits before the framework.
	registerWithHost();
};

const requestContext: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = crypto.randomUUID();
	event.locals.user = null;
	const response = await resolve(event);
	response.headers.set('x-request-id', event.locals.requestId);
	applySecurityHeaders(response.headers);
	log.info(
		{
			reqId: event.locals.requestId,
			method: event.request.method,
			path: event.url.pathname,
			status: response.status,
			ms: Math.round(performance.now() - started)
		},
		'request'
	);
	return response;
};

const i18n: Handle = ({ event, resolve }) =>
	// reroute (src/hooks.ts) already maps "/pt/…" to its route, so the request itself stays as it came.
	paraglideMiddleware(event.request, ({ locale }) => {
		event.locals.locale = locale as Locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const session: Handle = async ({ event, resolve }) => {
	const runtime = await getRuntime();
	if (!event.url.pathname.startsWith('/api/auth/')) {
		event.locals.user = await userFromRequest(runtime, event.request.headers);
	}
	// Routes hand this to every domain verb; a route never holds the database itself.
	// Writes carry the client's address: the caps on mails a visitor causes count by it.
	const writes = event.request.method !== 'GET' && event.request.method !== 'HEAD';
	event.locals.ctx = { ...runtime.ctx(event.locals.user ?? undefined, event.locals.locale), clientAddress: writes ? event.getClientAddress() : undefined };
	// Form actions do not run layout loads, so writes to the organisers' area are guarded here;
	// pages are guarded again (with a friendly page) by (organiser)/+layout.server.ts.
	if (event.route.id?.startsWith('/(organiser)') && event.request.method !== 'GET' && event.request.method !== 'HEAD') {
		if (!event.locals.user) redirect(303, localizeHref('/sign-in'));
		if (!isOrganiser(event.locals.user)) return new Response(m.error_forbidden(), { status: 403 });
	}
	return resolve(event);
};

// Better Auth serves the magic-link verification URL, and nothing else (auth-endpoints.ts).
const authEndpoints: Handle = async ({ event, resolve }) => {
	if (event.url.pathname.startsWith('/api/auth/')) {
		if (!isPublicAuthEndpoint(event.request.method, event.url.pathname)) {
			return new Response(m.error_not_found({}, { locale: event.locals.locale }), {
				status: 404,
				headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
			});
		}
		// Our address header, from the socket: a value the client sent is replaced.
		const headers = headersForAuth(event.request.headers, event.getClientAddress());
		return (await getRuntime()).auth.handler(new Request(event.request, { headers }));
	}
	return resolve(event);
};

// A form post whose body cannot be read, or carries a NUL byte or a control character in a file
// name, reaches the action with a body that refuses to be read: a 400 with the friendly page.
const formBodies: Handle = async ({ event, resolve }) => {
	if (event.route.id && isFormPost(event.request)) {
		const problem = await formProblem(event.request);
		if (problem) {
			// Logged once, by requestContext's line with the 400. The event is SvelteKit's own
			// object; its request is a plain property the action reads.
			(event as { request: Request }).request = refusedBody(event.request, problem);
		}
	}
	return resolve(event);
};

const rateLimit: Handle = async ({ event, resolve }) => {
	// The route SvelteKit resolved, not the raw path: /sign%2Din and /sign-in/ are the sign-in page too.
	const name = limitFor({
		method: event.request.method,
		routeId: event.route.id,
		pathname: event.url.pathname,
		signedIn: !!event.locals.user
	});
	if (name) {
		const wait = await consume(name, `${event.getClientAddress()}`);
		if (wait > 0) {
			return new Response(m.rate_limited({}, { locale: event.locals.locale }), {
				status: 429,
				headers: { 'retry-after': String(wait), 'content-type': 'text/plain; charset=utf-8' }
			});
		}
	}
	return resolve(event);
};

// Anonymous visitors get public pages from memory; a successful write by a signed-in person
// empties it. Public content changes only through people with an account (organisers edit and
// publish); anonymous writes — registrations, their private pages, drafts of practices, sign-in —
// touch nothing a cached page shows, so a registration rush keeps the cache warm.
const pageCache: Handle = async ({ event, resolve }) => {
	const key = cacheKey(event.request, event.url);
	if (!key) {
		const response = await resolve(event);
		const method = event.request.method;
		if (method !== 'GET' && method !== 'HEAD' && response.status < 400 && event.locals.user) invalidatePageCache();
		return response;
	}
	const hit = cachedResponse(key);
	if (hit) return hit;
	const response = await resolve(event);
	applySecurityHeaders(response.headers);
	return storeResponse(key, response);
};

export const handle = sequence(requestContext, i18n, pageCache, session, rateLimit, authEndpoints, formBodies);

export const handleError: HandleServerError = (caught) => {
	const { event } = caught;
	if (caught.kind === 'unknown') {
		const error = caught.error;
		log.error({ reqId: event.locals.requestId, err: error instanceof Error ? error.stack : String(error) }, 'unhandled error');
	}
	return { requestId: event.locals.requestId };
};
