import { createChallenge, verifySolution } from 'altcha-lib/v1';

/**
 * A self-hosted proof of work (ALTCHA): the browser spends a second finding a number, which
 * costs a robot sending thousands of forms far more. Without JavaScript it cannot be solved;
 * forms then fall back to confirming by mail.
 */
const MAX_NUMBER = 50_000;
const used = new Map<string, number>();

export async function newChallenge(secret: string) {
	return createChallenge({ hmacKey: secret, maxnumber: MAX_NUMBER, expires: new Date(Date.now() + 20 * 60_000) });
}

/** True for a fresh, correctly solved challenge that was not used before. */
export async function verifyChallenge(payload: string, secret: string, now = Date.now()): Promise<boolean> {
	if (!payload || payload.length > 2000) return false;
	let ok = false;
	try {
		ok = await verifySolution(payload, secret, true);
	} catch {
		return false;
	}
	if (!ok) return false;
	for (const [key, expires] of used) if (expires < now) used.delete(key);
	if (used.has(payload)) return false;
	used.set(payload, now + 30 * 60_000);
	return true;
}
