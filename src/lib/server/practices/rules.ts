import type { Actor } from '../context.ts';

/**
 * Moderating the repository (publishing, revising, archiving practices) is for organisers:
 * the repository is shared by every event, so an organiser of any event may moderate it.
 */
export function canModeratePractices(actor: Actor | null): boolean {
	return !!actor?.roles.some((r) => r.role === 'organiser');
}
