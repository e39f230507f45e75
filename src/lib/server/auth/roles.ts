import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../context.ts';
import { authAccount, authSession, authUser, roleAssignment, type Role } from './schema.ts';

export async function rolesOf(db: Db, userId: string): Promise<Actor['roles']> {
	return db
		.select({ role: roleAssignment.role, eventId: roleAssignment.eventId })
		.from(roleAssignment)
		.where(eq(roleAssignment.userId, userId));
}

export async function grantRole(db: Db, params: { userId: string; role: Role; eventId?: string | null }) {
	await db
		.insert(roleAssignment)
		.values({ userId: params.userId, role: params.role, eventId: params.eventId ?? null })
		.onConflictDoNothing();
}

/** Create the person if they do not exist yet (no password: they sign in by magic link). */
export async function ensureUser(db: Db, params: { email: string; name: string }): Promise<string> {
	const email = params.email.trim().toLowerCase();
	const [existing] = await db.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, email));
	if (existing) return existing.id;
	const id = crypto.randomUUID();
	await db.insert(authUser).values({ id, email, name: params.name, emailVerified: false });
	return id;
}

export async function countInstallationOrganisers(db: Db): Promise<number> {
	const [{ n }] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(roleAssignment)
		.where(and(eq(roleAssignment.role, 'organiser'), isNull(roleAssignment.eventId)));
	return n;
}

/**
 * Organisers who have never signed in and have no password: the start-up prints a
 * fresh one-time link for them, since no default credentials exist.
 */
export async function organisersAwaitingFirstSignIn(db: Db): Promise<{ id: string; email: string }[]> {
	const organisers = await db
		.selectDistinct({ id: authUser.id, email: authUser.email })
		.from(authUser)
		.innerJoin(roleAssignment, eq(roleAssignment.userId, authUser.id))
		.where(and(eq(roleAssignment.role, 'organiser'), isNull(roleAssignment.eventId)));
	if (organisers.length === 0) return [];
	const ids = organisers.map((o) => o.id);
	const withSession = await db
		.selectDistinct({ userId: authSession.userId })
		.from(authSession)
		.where(inArray(authSession.userId, ids));
	const withPassword = await db
		.selectDistinct({ userId: authAccount.userId })
		.from(authAccount)
		.where(and(inArray(authAccount.userId, ids), eq(authAccount.providerId, 'credential')));
	const active = new Set([...withSession, ...withPassword].map((r) => r.userId));
	return organisers.filter((o) => !active.has(o.id));
}

export async function hasPassword(db: Db, userId: string): Promise<boolean> {
	const rows = await db
		.select({ id: authAccount.id })
		.from(authAccount)
		.where(and(eq(authAccount.userId, userId), eq(authAccount.providerId, 'credential')));
	return rows.length > 0;
}

/** Whether an account exists for this address (sign-in links go only to existing accounts). */
export async function accountExists(db: Db, email: string): Promise<boolean> {
	const rows = await db.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, email.trim().toLowerCase())).limit(1);
	return rows.length > 0;
}

/** Addresses of the installation-wide organisers (who moderate the repository). */
export async function installationOrganiserEmails(db: Db): Promise<string[]> {
	const rows = await db
		.selectDistinct({ email: authUser.email })
		.from(roleAssignment)
		.innerJoin(authUser, eq(authUser.id, roleAssignment.userId))
		.where(and(eq(roleAssignment.role, 'organiser'), isNull(roleAssignment.eventId)));
	return rows.map((r) => r.email).sort();
}
