import { isAdministrator } from '../auth/index.ts';
import type { Actor } from '../context.ts';

// Who may do what with networks, and when a unit may go. The verbs check these; the pages use
// them to show or hide the buttons.

/** Only the installation's administrators create networks (a network's organisers edit their own). */
export function canCreateNetwork(actor: Actor | null): boolean {
	return isAdministrator(actor);
}

/** A unit may be removed only while no exchange belongs to it (exchanges are never left without their unit silently). */
export function canRemoveUnit(unit: { exchanges: number }): boolean {
	return unit.exchanges === 0;
}

/** A unit moves up unless it is first, down unless it is last. */
export function canMoveUnit(index: number, count: number, direction: 'up' | 'down'): boolean {
	return direction === 'up' ? index > 0 : index >= 0 && index < count - 1;
}

/** What a logo may be: PNG or JPEG, at most this many bytes as uploaded, kept at most this many pixels a side. */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;
export const MAX_LOGO_SIDE = 512;
