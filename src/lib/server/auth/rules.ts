import { DomainError, userOf, type Actor, type User } from '../context.ts';
import type { Role } from './schema.ts';

// Who may do what in the organisers' area, at each scope: the installation (administrator), a
// network (its organisers run every exchange of it), one exchange (its organisers, reviewers and
// moderators). Only signed-in users hold roles: a registrant, a submitter, a job or an anonymous
// visitor is never an organiser.

const rolesOf = (actor: Actor | null): User['roles'] => (actor ? (userOf(actor)?.roles ?? []) : []);

/** The installation's administrators: networks, people at every scope, the outbox and the audit log. */
export function isAdministrator(actor: Actor | null): boolean {
	return rolesOf(actor).some((r) => r.role === 'administrator');
}

/** An administrator, or an organiser of this network (who runs every exchange of it). */
export function canManageNetwork(actor: Actor | null, networkId: string): boolean {
	return isAdministrator(actor) || rolesOf(actor).some((r) => r.role === 'organiser' && r.networkId === networkId && r.eventId === null);
}

/**
 * An administrator, an organiser of this exchange, or an organiser of its network. A network
 * organiser's roles carry one entry per exchange of the network (`via: 'network'`, filled in when
 * the session is read), so this stays a pure check on the actor.
 */
export function canManageEvent(actor: Actor | null, eventId: string): boolean {
	return isAdministrator(actor) || rolesOf(actor).some((r) => r.role === 'organiser' && r.eventId === eventId);
}

/** The networks this person organises (not counting the installation-wide reach of an administrator). */
export function organisedNetworkIds(actor: Actor | null): string[] {
	return rolesOf(actor).filter((r) => r.role === 'organiser' && r.networkId !== null && r.eventId === null).map((r) => r.networkId as string);
}

/** May enter the organisers' area at all (administrator, or organiser of anything). */
export function isOrganiser(actor: Actor | null): boolean {
	return rolesOf(actor).some((r) => r.role === 'administrator' || r.role === 'organiser');
}

/** Outbox and audit log hold mail and actions of every network: administrators only. */
export function canReadInstallationRecords(actor: Actor | null): boolean {
	return isAdministrator(actor);
}

/**
 * May open the people page: whoever may give some role somewhere, i.e. an administrator or an
 * organiser of a network or an exchange. The page lists only the roles of their own reach.
 */
export function canManagePeople(actor: Actor | null): boolean {
	return isOrganiser(actor);
}

/** Where a role is held: the installation, a network, or one exchange (with the network it belongs to). */
export interface RoleScope {
	role: Role;
	networkId: string | null;
	eventId: string | null;
	/** The network of `eventId`, when the role is for one exchange. */
	eventNetworkId?: string | null;
}

/** The kinds of place a role is held at. */
export type ScopeKind = 'installation' | 'network' | 'event';

/** The kind of place a scope names. */
export const scopeKind = (s: { networkId: string | null; eventId: string | null }): ScopeKind =>
	s.eventId !== null ? 'event' : s.networkId !== null ? 'network' : 'installation';

/** The roles that exist at each kind of place, in the order a form offers them. */
export const ROLES_AT: Record<ScopeKind, readonly Role[]> = {
	installation: ['administrator'],
	network: ['organiser'],
	event: ['organiser', 'reviewer', 'moderator']
};

/** A role only exists at the scopes it means something at. */
export function isValidScope(s: Pick<RoleScope, 'role' | 'networkId' | 'eventId'>): boolean {
	if (s.role === 'administrator') return s.networkId === null && s.eventId === null;
	if (s.role === 'organiser') return (s.networkId === null) !== (s.eventId === null);
	return s.networkId === null && s.eventId !== null;
}

/**
 * Who may give (or take) a role: administrators any; a network's organisers any role of their
 * network or its exchanges; an exchange's organisers the roles of that exchange.
 */
export function canGrantRole(actor: Actor | null, scope: RoleScope): boolean {
	if (!isValidScope(scope)) return false;
	if (isAdministrator(actor)) return true;
	if (scope.role === 'administrator') return false;
	if (scope.networkId !== null) return canManageNetwork(actor, scope.networkId);
	if (scope.eventId === null) return false;
	return (scope.eventNetworkId ? canManageNetwork(actor, scope.eventNetworkId) : false) || canManageEvent(actor, scope.eventId);
}

/** The guard every verb on an event starts with: a refusal the route shows as a 403. */
export function assertCanManageEvent(ctx: { actor: Actor }, eventId: string): void {
	if (!canManageEvent(ctx.actor, eventId)) throw new DomainError('forbidden', 'forbidden');
}

/** The guard every verb on a network starts with. */
export function assertCanManageNetwork(ctx: { actor: Actor }, networkId: string): void {
	if (!canManageNetwork(ctx.actor, networkId)) throw new DomainError('forbidden', 'forbidden');
}

/** The guard of the installation's own records and of creating networks. */
export function assertAdministrator(ctx: { actor: Actor }): void {
	if (!isAdministrator(ctx.actor)) throw new DomainError('forbidden', 'forbidden');
}
