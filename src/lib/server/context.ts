import type { Db } from './db/client.ts';
import type { Role } from './auth/schema.ts';

/** Who is acting, as the domain sees them. */
export interface Actor {
	userId: string;
	email: string;
	name: string;
	roles: { role: Role; eventId: string | null }[];
}

/** What every domain verb receives: the database (or a transaction) and who acts. */
export interface Ctx {
	db: Db;
	actor: Actor | null;
}

/** A failure the person can fix; routes map it to a 4xx with a message in their language. */
export class DomainError extends Error {
	constructor(
		readonly code: 'not_found' | 'forbidden' | 'invalid' | 'conflict',
		readonly messageKey: string,
		message?: string
	) {
		super(message ?? `${code}: ${messageKey}`);
		this.name = 'DomainError';
	}
}
