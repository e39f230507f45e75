import type { Actor } from '../context.ts';
import { DomainError } from '../context.ts';
import { canArchive, canEditDraft, canPublish, canRequestChanges, canRevise, canSubmit } from '../private-links/workflow.ts';
import type { FileReview, PracticeStatus } from './schema.ts';
import type { PracticeInput } from './write.ts';

// The state rules of a practice are the private-link workflow's (draft → submitted →
// changes_requested → submitted → published | archived); the repository adds who moderates.
export { canArchive, canEditDraft, canPublish, canRequestChanges, canRevise, canSubmit };

/**
 * Moderating the repository (publishing, revising, archiving practices) is for administrators and
 * organisers: the repository is shared by every network, so an organiser of any network or
 * exchange may moderate it.
 */
export function canModeratePractices(actor: Actor): boolean {
	return actor.kind === 'user' && actor.roles.some((r) => r.role === 'organiser' || r.role === 'administrator');
}

export function assertCanModerate(actor: Actor): void {
	if (!canModeratePractices(actor)) throw new DomainError('forbidden', 'forbidden');
}

/** Which moderation buttons a page shows for this person and this practice. */
export function moderationActions(actor: Actor, status: PracticeStatus) {
	const moderator = canModeratePractices(actor);
	return {
		comment: moderator,
		requestChanges: moderator && canRequestChanges(status),
		publish: moderator && canPublish(status),
		archive: moderator && canArchive(status),
		revise: moderator && canRevise(status)
	};
}

/** What a practice needs before review: the fields a practitioner cannot do without. */
export function missingForReview(values: PracticeInput): string[] {
	const missing: string[] = [];
	if (values.geonamesIds.length === 0) missing.push('places');
	if (values.axes.length === 0) missing.push('axes');
	if (values.startYear === null) missing.push('startYear');
	for (const f of ['context', 'actions', 'results', 'lessons'] as const) if (values.texts[f].trim() === '') missing.push(f);
	return missing;
}

/** How many files still wait for a moderator's approval; a practice publishes only at zero. */
export function filesAwaitingReview(files: { review: FileReview }[]): number {
	return files.filter((f) => f.review !== 'approved').length;
}
