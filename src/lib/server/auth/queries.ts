import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx, User } from '../context.ts';
import { outbox } from '../mail/schema.ts';
import { event } from '../events/schema.ts';
import { authAccount, authSession, authUser, roleAssignment, type Role } from './schema.ts';

type Reader = Pick<Ctx, 'db'>;

/**
 * A person's roles as the rules read them: what they were given, and for each network they
 * organise one organiser entry per exchange of that network (so new exchanges count at once).
 */
export async function rolesOf(ctx: Reader, userId: string): Promise<User['roles']> {
	const held = await ctx.db
		.select({ role: roleAssignment.role, networkId: roleAssignment.networkId, eventId: roleAssignment.eventId })
		.from(roleAssignment)
		.where(eq(roleAssignment.userId, userId));
	const networks = held.filter((r) => r.role === 'organiser' && r.networkId !== null).map((r) => r.networkId as string);
	if (networks.length === 0) return held;
	const reached = await ctx.db.select({ id: event.id, networkId: event.networkId }).from(event).where(inArray(event.networkId, networks));
	return [...held, ...reached.map((e) => ({ role: 'organiser' as const, networkId: e.networkId, eventId: e.id, via: 'network' as const }))];
}

export async function countAdministrators(ctx: Reader): Promise<number> {
	const [{ n }] = await ctx.db
		.select({ n: sql<number>`count(*)::int` })
		.from(roleAssignment)
		.where(eq(roleAssignment.role, 'administrator'));
	return n;
}

/**
 * Organisers who have never signed in and have no password: the start-up prints a
 * fresh one-time link for them, since no default credentials exist.
 */
export async function organisersAwaitingFirstSignIn(ctx: Reader): Promise<{ id: string; email: string }[]> {
	const organisers = await ctx.db
		.selectDistinct({ id: authUser.id, email: authUser.email })
		.from(authUser)
		.innerJoin(roleAssignment, eq(roleAssignment.userId, authUser.id))
		.where(eq(roleAssignment.role, 'administrator'));
	if (organisers.length === 0) return [];
	const ids = organisers.map((o) => o.id);
	const withSession = await ctx.db
		.selectDistinct({ userId: authSession.userId })
		.from(authSession)
		.where(inArray(authSession.userId, ids));
	const withPassword = await ctx.db
		.selectDistinct({ userId: authAccount.userId })
		.from(authAccount)
		.where(and(inArray(authAccount.userId, ids), eq(authAccount.providerId, 'credential')));
	const active = new Set([...withSession, ...withPassword].map((r) => r.userId));
	return organisers.filter((o) => !active.has(o.id));
}

export async function hasPassword(ctx: Reader, userId: string): Promise<boolean> {
	const rows = await ctx.db
		.select({ id: authAccount.id })
		.from(authAccount)
		.where(and(eq(authAccount.userId, userId), eq(authAccount.providerId, 'credential')));
	return rows.length > 0;
}

/** Whether an account exists for this address (sign-in links go only to existing accounts). */
export async function accountExists(ctx: Reader, email: string): Promise<boolean> {
	const rows = await ctx.db
		.select({ id: authUser.id })
		.from(authUser)
		.where(eq(authUser.email, email.trim().toLowerCase()))
		.limit(1);
	return rows.length > 0;
}

/** Addresses of the administrators (who moderate the repository). */
export async function installationOrganiserEmails(ctx: Reader): Promise<string[]> {
	const rows = await ctx.db
		.selectDistinct({ email: authUser.email })
		.from(roleAssignment)
		.innerJoin(authUser, eq(authUser.id, roleAssignment.userId))
		.where(eq(roleAssignment.role, 'administrator'));
	return rows.map((r) => r.email).sort();
}

/** The link of the newest sign-in mail to this person, as stored in the outbox. */
export async function latestMagicLink(ctx: Reader, email: string): Promise<string | null> {
	const [row] = await ctx.db
		.select({ payload: outbox.payload })
		.from(outbox)
		.where(and(eq(outbox.recipient, email), eq(outbox.template, 'magic-link')))
		.orderBy(desc(outbox.createdAt))
		.limit(1);
	const url = row?.payload?.url;
	return typeof url === 'string' ? url : null;
}

export interface PersonWithRoles {
	id: string;
	email: string;
	name: string;
	roles: { assignmentId: string; role: Role; networkId: string | null; eventId: string | null }[];
}

/** Everyone who holds a role, with their roles (people without a role have nothing to manage). */
export async function listPeople(ctx: Reader): Promise<PersonWithRoles[]> {
	const rows = await ctx.db
		.select({
			id: authUser.id,
			email: authUser.email,
			name: authUser.name,
			assignmentId: roleAssignment.id,
			role: roleAssignment.role,
			networkId: roleAssignment.networkId,
			eventId: roleAssignment.eventId
		})
		.from(roleAssignment)
		.innerJoin(authUser, eq(authUser.id, roleAssignment.userId))
		.orderBy(asc(authUser.email), asc(roleAssignment.role));
	const people = new Map<string, PersonWithRoles>();
	for (const r of rows) {
		const person = people.get(r.id) ?? { id: r.id, email: r.email, name: r.name, roles: [] };
		person.roles.push({ assignmentId: r.assignmentId, role: r.role, networkId: r.networkId, eventId: r.eventId });
		people.set(r.id, person);
	}
	return [...people.values()];
}
