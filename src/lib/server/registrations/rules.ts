import type { RegistrationStatus } from './schema.ts';

/**
 * The rules of registration as named predicates, used by the verbs (which refuse) and by the
 * pages (which show or hide the form or the button).
 */

/** Registrations that hold seats or places on a waiting list. */
export const ACTIVE_STATUSES: readonly RegistrationStatus[] = ['pending', 'confirmed'];
export const isActive = (status: RegistrationStatus) => ACTIVE_STATUSES.includes(status);

/** What decides whether an event takes registrations now. */
export interface RegistrationWindowFacts {
	status: string;
	openToAttendees: boolean;
	opensAt: Date | null;
	closesAt: Date | null;
	/** Sessions that have not ended yet. */
	sessionsAhead: number;
}

export type RegistrationWindow =
	| { open: true; closesAt: Date | null }
	| { open: false; reason: 'not_found' | 'closed' | 'over' }
	| { open: false; reason: 'not_yet'; opensAt: Date };

/** Registration is open now: the event takes attendees, the window is open, a session lies ahead. */
export function canRegister(facts: RegistrationWindowFacts | null, now: Date): RegistrationWindow {
	if (!facts || facts.status !== 'published') return { open: false, reason: 'not_found' };
	if (!facts.openToAttendees) return { open: false, reason: 'closed' };
	if (facts.opensAt && now < facts.opensAt) return { open: false, reason: 'not_yet', opensAt: facts.opensAt };
	if (facts.closesAt && now >= facts.closesAt) return { open: false, reason: 'closed' };
	if (facts.sessionsAhead === 0) return { open: false, reason: 'over' };
	return { open: true, closesAt: facts.closesAt };
}

/** Only a pending registration can be confirmed (a confirmed one is already; a cancelled one must register again). */
export const canConfirm = (r: { status: RegistrationStatus }) => r.status === 'pending';

/** Sessions can be added to (or dropped from) a live registration only. */
export const canChangeSessions = (r: { status: RegistrationStatus }) => isActive(r.status);

/** A session can be chosen while it has not ended. */
export const canChooseSession = (s: { endsAt: Date }, now: Date) => s.endsAt > now;

/** One of several sessions may be dropped; the last one cannot (cancel instead). */
export function canDropSession(r: { status: RegistrationStatus }, chosenSessionIds: readonly string[], sessionId: string): 'ok' | 'not_chosen' | 'last_session' | 'inactive' {
	if (!isActive(r.status)) return 'inactive';
	if (!chosenSessionIds.includes(sessionId)) return 'not_chosen';
	if (chosenSessionIds.length === 1) return 'last_session';
	return 'ok';
}

/** A seat is free when the session has no limit or fewer seats in use than its capacity. */
export const hasFreeSeat = (capacity: number | null, taken: number) => capacity === null || taken < capacity;

/** An unconfirmed registration whose hold (hours; 0 keeps it) ran out. */
export const holdExpired = (r: { status: RegistrationStatus; updatedAt: Date }, holdHours: number, now: Date) =>
	r.status === 'pending' && holdHours > 0 && r.updatedAt.getTime() <= now.getTime() - holdHours * 3_600_000;
