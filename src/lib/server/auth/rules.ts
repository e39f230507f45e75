import type { Actor } from '../context.ts';

/** An installation-wide organiser, or an organiser of this very event. */
export function canManageEvent(actor: Actor | null, eventId: string): boolean {
	return !!actor?.roles.some((r) => r.role === 'organiser' && (r.eventId === null || r.eventId === eventId));
}

/** May enter the organisers' area at all (organiser of anything). */
export function isOrganiser(actor: Actor | null): boolean {
	return !!actor?.roles.some((r) => r.role === 'organiser');
}

/** Outbox and audit log hold mail and actions from every event: installation-wide organisers only. */
export function canReadInstallationRecords(actor: Actor | null): boolean {
	return !!actor?.roles.some((r) => r.role === 'organiser' && r.eventId === null);
}

/** Who may give and take roles: installation-wide organisers. */
export function canManagePeople(actor: Actor | null): boolean {
	return canReadInstallationRecords(actor);
}
