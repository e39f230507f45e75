import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * A registrant's private link carries a token derived from the app secret, the registration
 * and a per-registration salt: the database keeps only its hash, yet reminders can print the
 * same link again. A new salt revokes every earlier link.
 */
export const newSalt = () => randomBytes(12).toString('base64url');

export function registrationToken(secret: string, registrationId: string, salt: string): string {
	return createHmac('sha256', secret).update(`registration:${registrationId}:${salt}`).digest('base64url').slice(0, 32);
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;
