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
	unprovenForm: { keyPrefix: 'unproven-form', points: 10, duration: 10 * 60 },
	// Failed passwords per account, from any address: a day's count, emptied by a success.
	passwordFailures: { keyPrefix: 'password-failures', points: 1_000_000, duration: 24 * 60 * 60 },
	// An account locked after too many failures (block() sets it; get() reads what is left).
	accountLock: { keyPrefix: 'account-lock', points: 1, duration: 1 }
} as const;

/** Failures on one account before it locks, the first lock, and the longest (doubling between). */
export const ACCOUNT_LOCK = { failures: 5, firstSeconds: 60, maxSeconds: 60 * 60 } as const;

export type LimitName = keyof typeof LIMITS;
type Limiters = Record<LimitName, RateLimiterAbstract>;

const NAMES = Object.keys(LIMITS) as LimitName[];

export const memoryLimiters = (): Limiters =>
	Object.fromEntries(NAMES.map((name) => [name, new RateLimiterMemory(LIMITS[name])])) as unknown as Limiters;

/** Counters in the database: every instance sharing it counts the same requests. */
export function databaseLimiters(db: Db): Limiters {
	return Object.fromEntries(
		NAMES.map((name) => [name, new RateLimiterDrizzle({ ...LIMITS[name], storeClient: db, schema: rateLimit })])
	) as unknown as Limiters;
}

const inMemory = memoryLimiters;

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

/** The route SvelteKit's router resolved (`event.route.id`), or Better Auth's endpoint. */
export interface LimitedRequest {
	method: string;
	/** `event.route.id`: the same for /sign-in, /pt/sign-in, /sign%2Din or /sign-in/. */
	routeId: string | null;
	/** The raw path, only to recognise Better Auth's endpoints (served before any route). */
	pathname: string;
	signedIn: boolean;
}

/** The sign-in page's route: its every action (password, link) is a sign-in attempt. */
export const SIGN_IN_ROUTE = '/sign-in';
/** The one Better Auth endpoint reachable from outside (see auth-endpoints.ts). */
export const MAGIC_LINK_VERIFY = '/api/auth/magic-link/verify';

/** Which limit a request falls under, if any. A session cookie never exempts a sign-in attempt. */
export function limitFor({ method, routeId, pathname, signedIn }: LimitedRequest): LimitName | null {
	// Following a sign-in link is a GET: guessing tokens counts like guessing passwords.
	if (pathname.startsWith('/api/auth/')) return 'signIn';
	if (method !== 'POST') return null;
	if (routeId === SIGN_IN_ROUTE) return 'signIn';
	return signedIn ? null : 'publicForm';
}

const accountKey = (email: string) => email.trim().toLowerCase();

/** Seconds an account stays locked (0 when it is not). */
export async function accountLockWait(email: string, from: Limiters = limiters): Promise<number> {
	const lock = await from.accountLock.get(accountKey(email));
	return lock && lock.consumedPoints > LIMITS.accountLock.points ? Math.max(1, Math.ceil(lock.msBeforeNext / 1000)) : 0;
}

/** The lock the n-th consecutive failure earns: none before 5, then 1 min doubling up to 1 h. */
export function lockSecondsFor(failures: number): number {
	if (failures < ACCOUNT_LOCK.failures) return 0;
	return Math.min(ACCOUNT_LOCK.firstSeconds * 2 ** (failures - ACCOUNT_LOCK.failures), ACCOUNT_LOCK.maxSeconds);
}

/** Count a wrong password for this account; returns the lock it starts (0 for none). */
export async function recordPasswordFailure(email: string, from: Limiters = limiters): Promise<number> {
	const key = accountKey(email);
	const { consumedPoints } = await from.passwordFailures.penalty(key, 1);
	const seconds = lockSecondsFor(consumedPoints);
	if (seconds > 0) await from.accountLock.block(key, seconds);
	return seconds;
}

/** A right password: the account's failures are forgotten. */
export async function clearPasswordFailures(email: string, from: Limiters = limiters): Promise<void> {
	await from.passwordFailures.delete(accountKey(email));
}
