import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '../db/client.ts';
import { rateLimit } from './schema.ts';

/** Per-address limits on posts. */
const LIMITS = {
	// Guessing passwords or flooding someone's inbox with sign-in links.
	signIn: { keyPrefix: 'sign-in', points: 10, duration: 10 * 60 },
	// Every other anonymous form (registration, proposals, questions…).
	publicForm: { keyPrefix: 'public-form', points: 30, duration: 60 },
	// Forms sent without a solved proof of work (JavaScript off, or a robot): fewer per address.
	unprovenForm: { keyPrefix: 'unproven-form', points: 10, duration: 10 * 60 }
} as const;

export type LimitName = keyof typeof LIMITS;
type Limiters = Record<LimitName, RateLimiterAbstract>;

const inMemory = (): Limiters => ({
	signIn: new RateLimiterMemory(LIMITS.signIn),
	publicForm: new RateLimiterMemory(LIMITS.publicForm),
	unprovenForm: new RateLimiterMemory(LIMITS.unprovenForm)
});

/** Counters in the database: every instance sharing it counts the same requests. */
export function databaseLimiters(db: Db): Limiters {
	return {
		signIn: new RateLimiterDrizzle({ ...LIMITS.signIn, storeClient: db, schema: rateLimit }),
		publicForm: new RateLimiterDrizzle({ ...LIMITS.publicForm, storeClient: db, schema: rateLimit }),
		unprovenForm: new RateLimiterDrizzle({ ...LIMITS.unprovenForm, storeClient: db, schema: rateLimit })
	};
}

// In memory until the runtime hands over the database (unit tests use memory).
let limiters: Limiters = inMemory();

export function useDatabaseForRateLimits(db: Db): void {
	limiters = databaseLimiters(db);
}

/** Spend one point; returns seconds to wait when the limit is reached, else 0. */
export async function consume(name: LimitName, key: string, from: Limiters = limiters): Promise<number> {
	try {
		await from[name].consume(key);
		return 0;
	} catch (result) {
		if (result instanceof RateLimiterRes) return Math.ceil(result.msBeforeNext / 1000);
		throw result;
	}
}

/** Which limit a request falls under, if any. */
export function limitFor(method: string, pathname: string, signedIn: boolean): LimitName | null {
	// The same form lives at /sign-in, /pt/sign-in and /en/sign-in.
	const path = pathname.replace(/^\/(?:pt|en)(?=\/|$)/, '') || '/';
	// Following a sign-in link is a GET: guessing tokens counts like guessing passwords.
	if (method === 'GET' && path === '/api/auth/magic-link/verify') return 'signIn';
	if (method !== 'POST') return null;
	if (path === '/sign-in' || path.startsWith('/api/auth/')) return 'signIn';
	return signedIn ? null : 'publicForm';
}
