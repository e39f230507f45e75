// The events domain's rules, used by its verbs and by the pages that show or hide an action.
import type { EVENT_STATUSES } from './schema.ts';

/** One rule for who manages an event, written once in the auth domain. */
export { assertCanManageEvent, canManageEvent } from '../auth/index.ts';

/** The public sees an event (its page, calendar, registration form) only once it is published. */
export function isPublished(event: { status: (typeof EVENT_STATUSES)[number] }): boolean {
	return event.status === 'published';
}

/** A session's capacity: no limit (null) or a whole number of seats. */
export function isValidCapacity(capacity: number | null): boolean {
	return capacity === null || (Number.isInteger(capacity) && capacity >= 0 && capacity <= 1_000_000);
}

/**
 * The agenda states and the call for presenters an organiser may choose today. The detailed agenda
 * and the call do not exist yet (later issues): until they do, the editor offers no "published"
 * agenda and no open call, and the settings form refuses them (the columns stay for that work).
 */
export const OFFERED_AGENDA_STATES = ['to_be_defined'] as const;

/** An exchange the public may see: published, or archived (kept, labelled, taking nobody). */
export function isPublic(event: { status: (typeof EVENT_STATUSES)[number] }): boolean {
	return event.status === 'published' || event.status === 'archived';
}

/**
 * What an exchange's public page says it is, from its status and its dates:
 * draft (organisers only) · archived · concluded (conclusions and recordings published) ·
 * live (a session is on now) · held (every session ended) · registration open · registration
 * closed (not yet open, closed, or not taking attendees) · no dates yet (no sessions).
 */
export type EventPhase = 'draft' | 'archived' | 'concluded' | 'live' | 'held' | 'registration_open' | 'registration_closed' | 'no_dates';
export const EVENT_PHASES: readonly EventPhase[] = ['draft', 'registration_open', 'registration_closed', 'no_dates', 'live', 'held', 'concluded', 'archived'];

export function eventPhase(
	event: { status: (typeof EVENT_STATUSES)[number]; concludedAt: Date | null },
	sessions: readonly { startsAt: Date; endsAt: Date }[],
	registrationOpen: boolean,
	now: Date
): EventPhase {
	if (event.status === 'draft') return 'draft';
	if (event.status === 'archived') return 'archived';
	if (event.concludedAt) return 'concluded';
	if (sessions.some((s) => s.startsAt <= now && now < s.endsAt)) return 'live';
	if (sessions.length > 0 && sessions.every((s) => s.endsAt <= now)) return 'held';
	if (sessions.length === 0) return 'no_dates';
	return registrationOpen ? 'registration_open' : 'registration_closed';
}

/** Conclusions can be published once every session has ended. */
export const canConclude = (event: { status: (typeof EVENT_STATUSES)[number]; concludedAt: Date | null }, sessions: readonly { endsAt: Date }[], now: Date) =>
	event.status === 'published' && event.concludedAt === null && sessions.length > 0 && sessions.every((s) => s.endsAt <= now);
