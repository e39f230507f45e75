import { eq } from 'drizzle-orm';
import { DomainError, inTransaction, type Ctx } from '../context.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/index.ts';
import { enqueueMail, MailCapReached } from '../mail/outbox.ts';
import { event } from '../events/schema.ts';
import { network } from '../networks/schema.ts';
import { pick } from '../../i18n/localized.ts';
import { authUser, roleAssignment, type Role } from './schema.ts';
import { accountExists, countAdministrators } from './queries.ts';
import { canGrantRole, isAdministrator, isValidScope } from './rules.ts';
import { accountLockedMail, magicLinkMail, roleInvitationMail, type MailScope } from './mails.ts';
import type { RoleGrantInput } from './input.ts';

/** Create the person if they do not exist yet (no password: they sign in by magic link). */
async function ensureUser(db: Db, params: { email: string; name: string }): Promise<string> {
	const email = params.email.trim().toLowerCase();
	const [existing] = await db.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, email));
	if (existing) return existing.id;
	const id = crypto.randomUUID();
	await db.insert(authUser).values({ id, email, name: params.name, emailVerified: false });
	return id;
}

/** An account without a role (tests and people who lost their roles): signs in, manages nothing. */
export async function ensureAccount({ ctx, email, name }: { ctx: Ctx; email: string; name: string }): Promise<string> {
	return ensureUser(ctx.db, { email, name });
}

/** On an installation with no administrator, make ORGANISER_EMAIL the first one (no password). */
export async function ensureFirstOrganiser(ctx: Ctx, email: string): Promise<{ created: boolean }> {
	return inTransaction(ctx, async (tx) => {
		if ((await countAdministrators(tx)) > 0) return { created: false };
		const userId = await ensureUser(tx.db, { email, name: email.split('@')[0] });
		await tx.db.insert(roleAssignment).values({ userId, role: 'administrator' }).onConflictDoNothing();
		await recordAudit(tx, { action: 'organiser.bootstrapped', entity: 'user', entityId: userId, details: { email } });
		return { created: true };
	});
}

/**
 * Where a role would be held, as a mail names it (the exchange's title in the mail's language, or
 * the network's name), and the network an exchange belongs to; null when the place does not exist.
 */
async function resolveScope(
	db: Db,
	scope: { networkId: string | null; eventId: string | null },
	locale: Ctx['locale']
): Promise<{ named: MailScope; eventNetworkId: string | null } | null> {
	if (scope.eventId) {
		const [row] = await db.select({ title: event.title, networkId: event.networkId }).from(event).where(eq(event.id, scope.eventId));
		return row ? { named: { kind: 'event', title: pick(row.title, locale).text }, eventNetworkId: row.networkId } : null;
	}
	if (scope.networkId) {
		const [row] = await db.select({ name: network.name }).from(network).where(eq(network.id, scope.networkId));
		return row ? { named: { kind: 'network', name: row.name }, eventNetworkId: null } : null;
	}
	return { named: { kind: 'installation' }, eventNetworkId: null };
}

/**
 * Give a person a role (creating their account, without a password, if needed) and tell
 * them by mail how to sign in. The role, its audit record and the mail commit together.
 * The person's language is not known yet: the mail goes in the organiser's.
 */
export async function grantPersonRole({
	ctx,
	input
}: {
	ctx: Ctx;
	input: RoleGrantInput;
}): Promise<{ userId: string; granted: boolean }> {
	if (!isValidScope(input)) throw new DomainError('invalid', 'role_scope');
	return inTransaction(ctx, async (tx) => {
		const scope = await resolveScope(tx.db, input, ctx.locale);
		// A place that does not exist: an administrator mistyped it; anyone else learns nothing from it.
		if (!scope) throw isAdministrator(ctx.actor) ? new DomainError('invalid', 'invalid') : new DomainError('forbidden', 'forbidden');
		if (!canGrantRole(ctx.actor, { ...input, eventNetworkId: scope.eventNetworkId })) throw new DomainError('forbidden', 'forbidden');
		const userId = await ensureUser(tx.db, { email: input.email, name: input.name || input.email.split('@')[0] });
		const inserted = await tx.db
			.insert(roleAssignment)
			.values({ userId, role: input.role, networkId: input.networkId, eventId: input.eventId })
			.onConflictDoNothing()
			.returning({ id: roleAssignment.id });
		if (inserted.length === 0) return { userId, granted: false };
		await recordAudit(tx, {
			action: 'person.role_granted',
			entity: 'user',
			entityId: userId,
			details: { email: input.email, role: input.role, networkId: input.networkId, eventId: input.eventId }
		});
		await enqueueMail(tx, roleInvitationMail({ to: input.email, role: input.role, scope: scope.named, origin: ctx.origin, locale: ctx.locale }));
		return { userId, granted: true };
	});
}

/** Take a role away. The last administrator cannot be removed: someone must run the place. */
export async function revokePersonRole({ ctx, assignmentId }: { ctx: Ctx; assignmentId: string }): Promise<void> {
	await inTransaction(ctx, async (tx) => {
		const [assignment] = await tx.db
			.select({
				id: roleAssignment.id,
				userId: roleAssignment.userId,
				role: roleAssignment.role,
				networkId: roleAssignment.networkId,
				eventId: roleAssignment.eventId,
				email: authUser.email
			})
			.from(roleAssignment)
			.innerJoin(authUser, eq(authUser.id, roleAssignment.userId))
			.where(eq(roleAssignment.id, assignmentId))
			.for('update');
		if (!assignment) throw new DomainError('not_found', 'not_found');
		const scope = await resolveScope(tx.db, assignment, ctx.locale);
		if (!canGrantRole(ctx.actor, { ...assignment, eventNetworkId: scope?.eventNetworkId ?? null })) {
			// Someone who may not change this role learns nothing of it either.
			throw new DomainError('not_found', 'not_found');
		}
		if (assignment.role === 'administrator') {
			// Lock every administrator row so two concurrent removals cannot both pass.
			const organisers = await tx.db
				.select({ id: roleAssignment.id })
				.from(roleAssignment)
				.where(eq(roleAssignment.role, 'administrator'))
				.for('update');
			if (organisers.length <= 1) throw new DomainError('conflict', 'last_organiser');
		}
		await tx.db.delete(roleAssignment).where(eq(roleAssignment.id, assignmentId));
		await recordAudit(tx, {
			action: 'person.role_revoked',
			entity: 'user',
			entityId: assignment.userId,
			details: { email: assignment.email, role: assignment.role as Role, networkId: assignment.networkId, eventId: assignment.eventId }
		});
	});
}

/**
 * Better Auth's sendMagicLink callback: mail the link only to an existing account. The
 * sign-in form answers the same either way, and nobody can make us write to strangers.
 * People's language is not stored, so the mail goes in the language of the context.
 * Links count against the caps on mails a visitor causes (per recipient): over them no mail
 * is written and the form still answers the same, since a refusal would tell that the
 * address has an account.
 */
export async function sendSignInLink({ ctx, email, url }: { ctx: Ctx; email: string; url: string }): Promise<void> {
	if (!(await accountExists(ctx, email))) return;
	try {
		await enqueueMail(ctx, { ...magicLinkMail({ to: email, url, locale: ctx.locale }), visitorRequested: true });
	} catch (error) {
		if (!(error instanceof MailCapReached)) throw error;
	}
}

/**
 * Wrong passwords locked this account's password sign-in (http/rate-limit.ts counts them): its
 * owner is told once per lock, in the language of the page the attempt came from. Nothing is
 * sent for an address without an account, so the lock reveals nobody.
 */
export async function warnAccountLocked({ ctx, email, seconds }: { ctx: Ctx; email: string; seconds: number }): Promise<void> {
	const to = email.trim().toLowerCase();
	if (!(await accountExists(ctx, to))) return;
	await enqueueMail(ctx, accountLockedMail({ to, minutes: Math.ceil(seconds / 60), origin: ctx.origin, locale: ctx.locale }));
}
