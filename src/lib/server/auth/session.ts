import type { Actor } from '../context.ts';
import type { Runtime } from '../runtime.ts';
import { rolesOf } from './roles.ts';

const SESSION_COOKIE = /(^|;\s*)(__Secure-)?better-auth\.session_token=/;

/** Who the request's session belongs to, with their roles; null for anonymous visitors. */
export async function actorFromRequest(runtime: Pick<Runtime, 'auth' | 'database'>, headers: Headers): Promise<Actor | null> {
	// Anonymous visitors (most traffic) cost no database round trip.
	if (!SESSION_COOKIE.test(headers.get('cookie') ?? '')) return null;
	const session = await runtime.auth.api.getSession({ headers });
	if (!session) return null;
	return {
		userId: session.user.id,
		email: session.user.email,
		name: session.user.name,
		roles: await rolesOf(runtime.database.db, session.user.id)
	};
}
