// Factories for the actors and contexts tests create. Tests sit beside their domain and use
// these instead of pasting an organiser literal; records come from each domain's own
// `testing.ts` factories (e.g. practices/testing.ts), which go through the domain's verbs.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { ANONYMOUS, type Actor, type AppEnv, type Ctx, type User } from '../context.ts';
import type { Role } from '../auth/schema.ts';
import type { Locale } from '../../i18n/localized.ts';

export const TEST_ENV: AppEnv = {
	origin: 'http://intercambio.test',
	secret: 'test-secret-test-secret-test-secret-0123',
	delivery: 'outbox-only',
	dataDir: 'memory://'
};

let counter = 0;

/** A signed-in person; administrator of the installation unless told otherwise. */
export function aUser(overrides: Partial<Omit<User, 'kind'>> & { role?: Role; networkId?: string | null; eventId?: string | null } = {}): User {
	const n = ++counter;
	const { role = 'administrator', networkId = null, eventId = null, ...rest } = overrides;
	return {
		kind: 'user',
		userId: rest.userId ?? `user-${n}`,
		email: rest.email ?? `person${n}@example.org`,
		name: rest.name ?? `Person ${n}`,
		roles: rest.roles ?? [{ role, networkId, eventId }]
	};
}

/** An administrator of the whole installation (every network, people, outbox, audit). */
export const anOrganiser = (overrides: Partial<Omit<User, 'kind'>> = {}) => aUser({ ...overrides, role: 'administrator' });
export const anAdministrator = anOrganiser;
/** An organiser of one exchange only. */
export const anEventOrganiser = (eventId: string) => aUser({ role: 'organiser', eventId });
/**
 * An organiser of a network, reaching the given exchanges of it (as the session would read them:
 * rolesOf adds one entry per exchange of the network).
 */
export const aNetworkOrganiser = (networkId: string, eventIds: string[] = []) =>
	aUser({
		roles: [
			{ role: 'organiser', networkId, eventId: null },
			...eventIds.map((eventId) => ({ role: 'organiser' as const, networkId, eventId, via: 'network' as const }))
		]
	});
/** A reviewer of one exchange (or, for checks that need no exchange, of none). */
export const aReviewer = (eventId: string | null = null) => aUser({ role: 'reviewer', eventId });
/** Someone signed in with no role at all. */
export const aStranger = () => aUser({ roles: [] });

/** The context a verb receives, on a test database. */
export function testCtx(db: Db, actor: Actor = ANONYMOUS, overrides: Partial<Omit<Ctx, 'db' | 'actor'>> & { locale?: Locale } = {}): Ctx {
	return { ...TEST_ENV, locale: 'es', ...overrides, db, actor };
}

/** A unique suffix for addresses and slugs, so tests never depend on one another. */
export const unique = () => randomUUID().slice(0, 8);
