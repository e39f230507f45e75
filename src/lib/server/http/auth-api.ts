import type { Cookies } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import { getRuntime } from '../runtime.ts';

// Infrastructure between our own sign-in forms and Better Auth's server API (runtime.auth):
// routes call these instead of holding the runtime, and the session cookies Better Auth sets
// are carried over to the response.

async function api() {
	return (await getRuntime()).auth.api;
}

function copyCookies(headers: Headers | undefined, cookies: Cookies) {
	const setCookie = headers?.get('set-cookie');
	if (!setCookie) return;
	for (const [name, attributes] of parseSetCookieHeader(setCookie)) {
		cookies.set(name, attributes.value, { ...toCookieOptions(attributes), path: attributes.path || '/' });
	}
}

export async function signInWithPassword(params: { email: string; password: string; headers: Headers; cookies: Cookies }): Promise<'ok' | 'wrong_credentials'> {
	try {
		const { headers } = await (await api()).signInEmail({
			body: { email: params.email, password: params.password, rememberMe: true },
			headers: params.headers,
			returnHeaders: true
		});
		copyCookies(headers, params.cookies);
		return 'ok';
	} catch (error) {
		if (error instanceof APIError && (error.statusCode === 401 || error.statusCode === 400 || error.statusCode === 403)) {
			return 'wrong_credentials';
		}
		throw error;
	}
}

/**
 * Send a one-time sign-in link. The answer is the same whether or not the address
 * has an account, so the form cannot be used to discover who has one.
 */
export async function requestMagicLink(params: { email: string; callbackPath: string; errorPath: string; headers: Headers }): Promise<void> {
	try {
		await (await api()).signInMagicLink({
			body: { email: params.email, callbackURL: params.callbackPath, errorCallbackURL: params.errorPath },
			headers: params.headers
		});
	} catch (error) {
		if (error instanceof APIError && error.statusCode < 500) return;
		throw error;
	}
}

export async function signOut(params: { headers: Headers; cookies: Cookies }): Promise<void> {
	try {
		const { headers } = await (await api()).signOut({ headers: params.headers, returnHeaders: true });
		copyCookies(headers, params.cookies);
	} catch (error) {
		if (!(error instanceof APIError)) throw error;
	}
}

export async function setPassword(params: { newPassword: string; headers: Headers }): Promise<'ok' | 'already_set' | 'stale_session' | 'too_short'> {
	try {
		await (await api()).setPassword({ body: { newPassword: params.newPassword }, headers: params.headers });
		return 'ok';
	} catch (error) {
		if (error instanceof APIError) {
			const code = (error.body as { code?: string } | undefined)?.code ?? '';
			if (code === 'PASSWORD_ALREADY_SET') return 'already_set';
			if (code === 'PASSWORD_TOO_SHORT') return 'too_short';
			if (code.includes('SESSION') || error.statusCode === 403 || error.statusCode === 401) return 'stale_session';
		}
		throw error;
	}
}
