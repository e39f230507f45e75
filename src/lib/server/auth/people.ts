import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/log.ts';
import { enqueueMail, type MailMessage } from '../mail/outbox.ts';
import { authUser, roleAssignment, type Role } from './schema.ts';
import { accountExists, ensureUser } from './roles.ts';
import { canManagePeople } from './rules.ts';
import type { RoleGrantInput } from './input.ts';

export interface PersonWithRoles {
	id: string;
	email: string;
	name: string;
	roles: { assignmentId: string; role: Role; eventId: string | null }[];
}

/** Everyone who holds a role, with their roles (people without a role have nothing to manage). */
export async function listPeople(db: Db): Promise<PersonWithRoles[]> {
	const rows = await db
		.select({
			id: authUser.id,
			email: authUser.email,
			name: authUser.name,
			assignmentId: roleAssignment.id,
			role: roleAssignment.role,
			eventId: roleAssignment.eventId
		})
		.from(roleAssignment)
		.innerJoin(authUser, eq(authUser.id, roleAssignment.userId))
		.orderBy(asc(authUser.email), asc(roleAssignment.role));
	const people = new Map<string, PersonWithRoles>();
	for (const r of rows) {
		const person = people.get(r.id) ?? { id: r.id, email: r.email, name: r.name, roles: [] };
		person.roles.push({ assignmentId: r.assignmentId, role: r.role, eventId: r.eventId });
		people.set(r.id, person);
	}
	return [...people.values()];
}

/**
 * Give a person a role (creating their account, without a password, if needed) and tell
 * them by mail how to sign in. The role, its audit record and the mail commit together.
 */
export async function grantPersonRole({
	ctx,
	input,
	delivery,
	invitation
}: {
	ctx: Ctx;
	input: RoleGrantInput;
	delivery: 'smtp' | 'outbox-only';
	invitation: (to: string) => MailMessage;
}): Promise<{ userId: string; granted: boolean }> {
	if (!canManagePeople(ctx.actor)) throw new DomainError('forbidden', 'forbidden');
	return ctx.db.transaction(async (tx) => {
		const userId = await ensureUser(tx, { email: input.email, name: input.name || input.email.split('@')[0] });
		const inserted = await tx
			.insert(roleAssignment)
			.values({ userId, role: input.role, eventId: input.eventId })
			.onConflictDoNothing()
			.returning({ id: roleAssignment.id });
		if (inserted.length === 0) return { userId, granted: false };
		await recordAudit(tx, ctx.actor, {
			action: 'person.role_granted',
			entity: 'user',
			entityId: userId,
			details: { email: input.email, role: input.role, eventId: input.eventId }
		});
		await enqueueMail(tx, invitation(input.email), delivery);
		return { userId, granted: true };
	});
}

/** Take a role away. The last installation-wide organiser cannot be removed: someone must run the place. */
export async function revokePersonRole({ ctx, assignmentId }: { ctx: Ctx; assignmentId: string }): Promise<void> {
	if (!canManagePeople(ctx.actor)) throw new DomainError('forbidden', 'forbidden');
	await ctx.db.transaction(async (tx) => {
		const [assignment] = await tx
			.select({ id: roleAssignment.id, userId: roleAssignment.userId, role: roleAssignment.role, eventId: roleAssignment.eventId, email: authUser.email })
			.from(roleAssignment)
			.innerJoin(authUser, eq(authUser.id, roleAssignment.userId))
			.where(eq(roleAssignment.id, assignmentId))
			.for('update');
		if (!assignment) throw new DomainError('not_found', 'not_found');
		if (assignment.role === 'organiser' && assignment.eventId === null) {
			// Lock every installation-wide organiser row so two concurrent removals cannot both pass.
			const organisers = await tx
				.select({ id: roleAssignment.id })
				.from(roleAssignment)
				.where(and(eq(roleAssignment.role, 'organiser'), isNull(roleAssignment.eventId)))
				.for('update');
			if (organisers.length <= 1) throw new DomainError('conflict', 'last_organiser');
		}
		await tx.delete(roleAssignment).where(eq(roleAssignment.id, assignmentId));
		await recordAudit(tx, ctx.actor, {
			action: 'person.role_revoked',
			entity: 'user',
			entityId: assignment.userId,
			details: { email: assignment.email, role: assignment.role, eventId: assignment.eventId }
		});
	});
}

/**
 * Better Auth's sendMagicLink callback: mail the link only to an existing account. The
 * sign-in form answers the same either way, and nobody can make us write to strangers.
 */
export function signInLinkSender(db: Db, deliver: (email: string, url: string) => Promise<void>) {
	return async ({ email, url }: { email: string; url: string }) => {
		if (await accountExists(db, email)) await deliver(email, url);
	};
}
