import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { userOf, type Ctx, type User } from '../context.ts';
import { outbox } from '../mail/schema.ts';
import { event } from '../events/schema.ts';
import { network } from '../networks/schema.ts';
import type { LocalizedText } from '../../i18n/localized.ts';
import { authAccount, authSession, authUser, ROLES, roleAssignment, type Role } from './schema.ts';
import { canGrantRole, canManagePeople, ROLES_AT, type ScopeKind } from './rules.ts';

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

/** Where a role is held, in the words a page or a mail says it with. */
export type RoleScopeNamed =
	| { kind: 'installation' }
	| { kind: 'network'; networkId: string; name: string }
	| { kind: 'event'; eventId: string; title: LocalizedText; networkId: string; networkName: string };

export interface PersonRole {
	assignmentId: string;
	role: Role;
	networkId: string | null;
	eventId: string | null;
	scope: RoleScopeNamed;
	/** Whether the person reading may take this role away (their reach, and never the last administrator). */
	mayRemove: boolean;
}

export interface PersonWithRoles {
	id: string;
	email: string;
	name: string;
	roles: PersonRole[];
}

const eventNetwork = alias(network, 'event_network');

/** Every role held, with its person and its place named (the exchange's network too). */
async function assignments(ctx: Reader, where?: SQL) {
	const rows = await ctx.db
		.select({
			id: authUser.id,
			email: authUser.email,
			name: authUser.name,
			assignmentId: roleAssignment.id,
			role: roleAssignment.role,
			networkId: roleAssignment.networkId,
			eventId: roleAssignment.eventId,
			networkName: network.name,
			eventTitle: event.title,
			eventNetworkId: event.networkId,
			eventNetworkName: eventNetwork.name
		})
		.from(roleAssignment)
		.innerJoin(authUser, eq(authUser.id, roleAssignment.userId))
		.leftJoin(network, eq(network.id, roleAssignment.networkId))
		.leftJoin(event, eq(event.id, roleAssignment.eventId))
		.leftJoin(eventNetwork, eq(eventNetwork.id, event.networkId))
		.where(where)
		.orderBy(asc(authUser.email), asc(roleAssignment.role), asc(network.name), asc(eventNetwork.name), asc(event.createdAt));
	return rows.map((r) => ({ ...r, scope: namedScope(r) }));
}

function namedScope(r: { networkId: string | null; eventId: string | null; networkName: string | null; eventTitle: LocalizedText | null; eventNetworkId: string | null; eventNetworkName: string | null }): RoleScopeNamed {
	if (r.eventId !== null) return { kind: 'event', eventId: r.eventId, title: r.eventTitle ?? { es: '' }, networkId: r.eventNetworkId ?? '', networkName: r.eventNetworkName ?? '' };
	if (r.networkId !== null) return { kind: 'network', networkId: r.networkId, name: r.networkName ?? '' };
	return { kind: 'installation' };
}

/** The networks of the exchanges a person organises on their own (not through a network). */
async function networksOfOrganisedEvents(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<Set<string>> {
	const eventIds = (userOf(ctx.actor)?.roles ?? []).filter((r) => r.role === 'organiser' && r.eventId !== null && !r.via).map((r) => r.eventId as string);
	if (eventIds.length === 0) return new Set();
	const rows = await ctx.db.select({ networkId: event.networkId }).from(event).where(inArray(event.id, eventIds));
	return new Set(rows.map((r) => r.networkId));
}

/**
 * The people whose roles the reader may manage, each with the roles of the reader's reach: an
 * administrator sees everyone with a role; a network's organiser, the roles held in that network
 * and its exchanges; an exchange's organiser, the roles held in that exchange, and (without being
 * able to remove them) the organisers of its network, who run it too. Nobody sees another
 * network's people.
 */
export async function listPeople(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<PersonWithRoles[]> {
	if (!canManagePeople(ctx.actor)) return [];
	const rows = await assignments(ctx);
	const administrators = rows.filter((r) => r.role === 'administrator').length;
	const alongside = await networksOfOrganisedEvents(ctx);
	const people = new Map<string, PersonWithRoles>();
	for (const r of rows) {
		const manages = canGrantRole(ctx.actor, { role: r.role, networkId: r.networkId, eventId: r.eventId, eventNetworkId: r.eventNetworkId });
		const runsTheSameExchanges = r.role === 'organiser' && r.scope.kind === 'network' && alongside.has(r.scope.networkId);
		if (!manages && !runsTheSameExchanges) continue;
		const person = people.get(r.id) ?? { id: r.id, email: r.email, name: r.name, roles: [] };
		person.roles.push({
			assignmentId: r.assignmentId,
			role: r.role,
			networkId: r.networkId,
			eventId: r.eventId,
			scope: r.scope,
			mayRemove: manages && !(r.role === 'administrator' && administrators <= 1)
		});
		people.set(r.id, person);
	}
	return [...people.values()];
}

/**
 * One role as its removal page shows it, or null when the reader may not manage it (the page is
 * then a 404: nobody learns of roles beyond their reach). `last` marks the only administrator.
 */
export async function getRoleAssignment(ctx: Pick<Ctx, 'db' | 'actor'>, assignmentId: string) {
	const [r] = await assignments(ctx, eq(roleAssignment.id, assignmentId));
	if (!r || !canGrantRole(ctx.actor, { role: r.role, networkId: r.networkId, eventId: r.eventId, eventNetworkId: r.eventNetworkId })) return null;
	const last = r.role === 'administrator' && (await countAdministrators(ctx)) <= 1;
	return {
		person: { id: r.id, email: r.email, name: r.name },
		role: { assignmentId: r.assignmentId, role: r.role, networkId: r.networkId, eventId: r.eventId, scope: r.scope, mayRemove: !last } satisfies PersonRole,
		last
	};
}

/**
 * Where the reader may give roles, as the grant form offers them: the installation (administrators),
 * the networks they may give roles in, and under each network the exchanges they may give roles
 * in (an exchange's organiser sees their exchange under its network, without the network itself).
 * `roles` are the roles they may give somewhere.
 */
export async function grantableScopes(ctx: Pick<Ctx, 'db' | 'actor'>) {
	const installation = canGrantRole(ctx.actor, { role: 'administrator', networkId: null, eventId: null });
	const networks = await ctx.db.select({ id: network.id, name: network.name }).from(network).orderBy(asc(network.name));
	const events = await ctx.db
		.select({ id: event.id, title: event.title, networkId: event.networkId })
		.from(event)
		.orderBy(desc(event.createdAt));
	const offered = networks
		.map((n) => ({
			id: n.id,
			name: n.name,
			grant: canGrantRole(ctx.actor, { role: 'organiser', networkId: n.id, eventId: null }),
			events: events
				.filter((e) => e.networkId === n.id && canGrantRole(ctx.actor, { role: 'reviewer', networkId: null, eventId: e.id, eventNetworkId: e.networkId }))
				.map((e) => ({ id: e.id, title: e.title }))
		}))
		.filter((n) => n.grant || n.events.length > 0);
	const kinds: ScopeKind[] = [
		...(installation ? (['installation'] as const) : []),
		...(offered.some((n) => n.grant) ? (['network'] as const) : []),
		...(offered.some((n) => n.events.length > 0) ? (['event'] as const) : [])
	];
	const roles = ROLES.filter((role) => kinds.some((k) => ROLES_AT[k].includes(role)));
	return { installation, networks: offered, roles };
}
