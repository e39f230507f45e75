import { DomainError, userOf, type Actor } from '../context.ts';

// Who may do what in the organisers' area. Only signed-in users hold roles: a registrant, a
// submitter, a job or an anonymous visitor is never an organiser.

const organiserRoles = (actor: Actor | null) => (actor ? (userOf(actor)?.roles ?? []) : []).filter((r) => r.role === 'organiser');

/** An installation-wide organiser, or an organiser of this very event. */
export function canManageEvent(actor: Actor | null, eventId: string): boolean {
	return organiserRoles(actor).some((r) => r.eventId === null || r.eventId === eventId);
}

/** May enter the organisers' area at all (organiser of anything). */
export function isOrganiser(actor: Actor | null): boolean {
	return organiserRoles(actor).length > 0;
}

/** Outbox and audit log hold mail and actions from every event: installation-wide organisers only. */
export function canReadInstallationRecords(actor: Actor | null): boolean {
	return organiserRoles(actor).some((r) => r.eventId === null);
}

/** Who may give and take roles: installation-wide organisers. */
export function canManagePeople(actor: Actor | null): boolean {
	return canReadInstallationRecords(actor);
}

/** The guard every verb on an event starts with: a refusal the route shows as a 403. */
export function assertCanManageEvent(ctx: { actor: Actor }, eventId: string): void {
	if (!canManageEvent(ctx.actor, eventId)) throw new DomainError('forbidden', 'forbidden');
}
