import type { Cookies } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import { getRuntime } from '../runtime.ts';
import type { Ctx } from '../context.ts';
import { warnAccountLocked, type Auth } from '../auth/index.ts';
import { headersForAuth } from './client-address.ts';
import { accountLockWait, clearPasswordFailures, recordPasswordFailure } from './rate-limit.ts';

// Infrastructure between our own sign-in forms and Better Auth's server API (runtime.auth):
// routes call these instead of holding the runtime, and the session cookies Better Auth sets
// are carried over to the response.

async function api(auth?: Pick<Auth, 'api'>) {
	return (auth ?? (await getRuntime()).auth).api;
}

function copyCookies(headers: Headers | undefined, cookies: Pick<Cookies, 'set'>) {
	const setCookie = headers?.get('set-cookie');
	if (!setCookie) return;
	for (const [name, attributes] of parseSetCookieHeader(setCookie)) {
		cookies.set(name, attributes.value, { ...toCookieOptions(attributes), path: attributes.path || '/' });
	}
}

export type PasswordSignIn = { status: 'ok' } | { status: 'wrong_credentials' } | { status: 'locked'; seconds: number };

/**
 * Sign in with a password, per account as well as per address (the hooks limit addresses):
 * 5 wrong passwords for one account lock it for 1 minute, doubling with every further one up to
 * an hour, counted in the database; the owner is told by mail when a lock starts. While locked,
 * even the right password is refused — the magic link still works.
 */
export async function signInWithPassword(params: {
	ctx: Ctx;
	email: string;
	password: string;
	headers: Headers;
	clientAddress: string;
	cookies: Pick<Cookies, 'set'>;
}, auth?: Pick<Auth, 'api'>): Promise<PasswordSignIn> {
	const waiting = await accountLockWait(params.email);
	if (waiting > 0) return { status: 'locked', seconds: waiting };
	try {
		const { headers } = await (await api(auth)).signInEmail({
			body: { email: params.email, password: params.password, rememberMe: true },
			headers: headersForAuth(params.headers, params.clientAddress),
			returnHeaders: true
		});
		copyCookies(headers, params.cookies);
		await clearPasswordFailures(params.email);
		return { status: 'ok' };
	} catch (error) {
		if (error instanceof APIError && (error.statusCode === 401 || error.statusCode === 400 || error.statusCode === 403)) {
			const locked = await recordPasswordFailure(params.email);
			if (locked > 0) {
				await warnAccountLocked({ ctx: params.ctx, email: params.email, seconds: locked });
				return { status: 'locked', seconds: locked };
			}
			return { status: 'wrong_credentials' };
		}
		throw error;
	}
}

/**
 * Send a one-time sign-in link. The answer is the same whether or not the address
 * has an account, so the form cannot be used to discover who has one.
 */
export async function requestMagicLink(params: { email: string; callbackPath: string; errorPath: string; headers: Headers; clientAddress?: string }): Promise<void> {
	try {
		await (await api()).signInMagicLink({
			body: { email: params.email, callbackURL: params.callbackPath, errorCallbackURL: params.errorPath },
			headers: headersForAuth(params.headers, params.clientAddress)
		});
	} catch (error) {
		if (error instanceof APIError && error.statusCode < 500) return;
		throw error;
	}
}

export async function signOut(params: { headers: Headers; cookies: Cookies }): Promise<void> {
	try {
		const { headers } = await (await api()).signOut({ headers: headersForAuth(params.headers), returnHeaders: true });
		copyCookies(headers, params.cookies);
	} catch (error) {
		if (!(error instanceof APIError)) throw error;
	}
}

export async function setPassword(params: { newPassword: string; headers: Headers }): Promise<'ok' | 'already_set' | 'stale_session' | 'too_short'> {
	try {
		await (await api()).setPassword({ body: { newPassword: params.newPassword }, headers: headersForAuth(params.headers) });
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
