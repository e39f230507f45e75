import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Private links carry a token derived from the app secret, the kind of record, its id and a
 * per-record salt: the database keeps only the token's hash, yet a mail (a reminder, a request
 * for changes) can print the same link again. A new salt revokes every earlier link.
 */
export const newSalt = () => randomBytes(12).toString('base64url');

/** The token of one private link: `kind` keeps a registration's token from opening a draft. */
export function derivedToken(secret: string, kind: string, id: string, salt: string): string {
	return createHmac('sha256', secret).update(`${kind}:${id}:${salt}`).digest('base64url').slice(0, 32);
}

/** A registrant's private link (kind "registration"; the derivation existing links were made with). */
export const registrationToken = (secret: string, registrationId: string, salt: string) => derivedToken(secret, 'registration', registrationId, salt);

/** Only this is stored: a leaked database opens no private link. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a derived token looks like; anything else is refused before a query. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

/** A random token for links that are never printed again (kept for older drafts' links). */
export const randomToken = () => randomBytes(24).toString('base64url');
