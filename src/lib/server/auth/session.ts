import type { User } from '../context.ts';
import type { Database } from '../db/client.ts';
import { hasSessionCookie } from '../http/page-cache.ts';
import type { Auth } from './auth.ts';
import { rolesOf } from './queries.ts';

/** Who the request's session belongs to, with their roles; null for anonymous visitors. */
export async function userFromRequest(runtime: { auth: Auth; database: Pick<Database, 'db'> }, headers: Headers): Promise<User | null> {
	// Anonymous visitors (most traffic) cost no database round trip.
	if (!hasSessionCookie(headers.get('cookie'))) return null;
	const session = await runtime.auth.api.getSession({ headers });
	if (!session) return null;
	return {
		kind: 'user',
		userId: session.user.id,
		email: session.user.email,
		name: session.user.name,
		roles: await rolesOf({ db: runtime.database.db }, session.user.id)
	};
}
