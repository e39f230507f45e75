import { MAGIC_LINK_VERIFY } from './rate-limit.ts';

// Better Auth answers dozens of endpoints under /api/auth (update-user, change-email, list-sessions…).
// The app calls what it needs through auth.api on the server (auth-api.ts); from outside, only the
// link a sign-in mail carries is reachable. Every other /api/auth path is a 404.

/** Whether a request under /api/auth reaches Better Auth's handler. The path is matched as sent. */
export function isPublicAuthEndpoint(method: string, pathname: string): boolean {
	return (method === 'GET' || method === 'HEAD') && pathname === MAGIC_LINK_VERIFY;
}
