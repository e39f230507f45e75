import type { Db } from './db/client.ts';
import type { Role } from './auth/schema.ts';
import type { Locale } from '../i18n/localized.ts';

/**
 * A signed-in person with their roles: administrator (no network, no event), organiser of a network
 * (networkId) or of one exchange (eventId), reviewer or moderator of one exchange. A network
 * organiser also carries one `via: 'network'` organiser entry per exchange of that network, read
 * with the session, so every check on an exchange is a pure function of the actor.
 */
export interface User {
	kind: 'user';
	userId: string;
	email: string;
	name: string;
	roles: { role: Role; networkId: string | null; eventId: string | null; via?: 'network' }[];
}

/**
 * Who is acting, as the domain sees them. Routes start every request as the signed-in user or
 * an anonymous visitor; a domain that resolves a private link acts on as the person behind it
 * (`asActor`), so the audit log tells a registrant from a submitter from the expiry job.
 */
export type Actor =
	| User
	| { kind: 'registrant'; registrationId: string }
	| { kind: 'submitter'; practiceId: string }
	| { kind: 'system'; job: string }
	| { kind: 'anonymous' };

/** What the app is configured with that domains need to write links, mails and files. */
export interface AppEnv {
	/** The public address, e.g. https://intercambio.example.org — never taken from a request. */
	origin: string;
	/** Signs private links (HMAC); the same AUTH_SECRET every instance shares. */
	secret: string;
	/** Whether mail leaves through SMTP or stays in the outbox for organisers to read. */
	delivery: 'smtp' | 'outbox-only';
	/** DATA_DIR: uploaded files live under DATA_DIR/uploads. */
	dataDir: string;
	/** MAIL_CAP_PER_CLIENT: mails one client address may cause per hour (default in mail/outbox.ts). */
	mailCapPerClient?: number;
}

/** What every domain verb receives: `verbNoun({ ctx, ...input })`. */
export interface Ctx extends AppEnv {
	/** The database, or the transaction the verb runs in. */
	db: Db;
	actor: Actor;
	/** The language of the person acting (mails to others go in their own language). */
	locale: Locale;
	/** The requesting client's address (from hooks), for the caps on mails a visitor causes. */
	clientAddress?: string;
}

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** The same context acting as someone else (a registrant once their link is resolved, a job). */
export const asActor = (ctx: Ctx, actor: Actor): Ctx => ({ ...ctx, actor });

/** The signed-in user behind the context, if any. */
export const userOf = (actor: Actor): User | null => (actor.kind === 'user' ? actor : null);

/** Runs `work` in one transaction; everything it writes (audit and outbox rows too) stands or falls together. */
export function inTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
	return ctx.db.transaction((tx) => work({ ...ctx, db: tx as unknown as Db }));
}

/** A failure the person can fix; routes map it to a 4xx with a message in their language. */
export class DomainError extends Error {
	readonly code: 'not_found' | 'forbidden' | 'invalid' | 'conflict' | 'too_many';
	readonly messageKey: string;
	constructor(code: DomainError['code'], messageKey: string, message?: string) {
		super(message ?? `${code}: ${messageKey}`);
		this.name = 'DomainError';
		this.code = code;
		this.messageKey = messageKey;
	}
}
