import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Per-address limits on posts. Kept in the process: each instance limits on its own,
 * which bounds abuse per instance; a shared store can replace it when there are many.
 */
const limiters = {
	// Guessing passwords or flooding someone's inbox with sign-in links.
	signIn: new RateLimiterMemory({ keyPrefix: 'sign-in', points: 10, duration: 10 * 60 }),
	// Every other anonymous form (registration, proposals, questions…).
	publicForm: new RateLimiterMemory({ keyPrefix: 'public-form', points: 30, duration: 60 })
};

export type LimitName = keyof typeof limiters;

/** Spend one point; returns seconds to wait when the limit is reached, else 0. */
export async function consume(name: LimitName, key: string): Promise<number> {
	try {
		await limiters[name].consume(key);
		return 0;
	} catch (result) {
		if (result instanceof RateLimiterRes) return Math.ceil(result.msBeforeNext / 1000);
		throw result;
	}
}

/** Which limit a request falls under, if any. */
export function limitFor(method: string, pathname: string, signedIn: boolean): LimitName | null {
	if (method !== 'POST') return null;
	// The same form lives at /sign-in, /pt/sign-in and /en/sign-in.
	const path = pathname.replace(/^\/(?:pt|en)(?=\/|$)/, '') || '/';
	if (path === '/sign-in' || path.startsWith('/api/auth/')) return 'signIn';
	return signedIn ? null : 'publicForm';
}
