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
