import { localizeHref } from '../../paraglide/runtime.js';
import type { Locale } from '../../i18n/localized.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import { hashToken, randomToken, TOKEN_SHAPE } from './tokens.ts';

/**
 * The draft-behind-a-private-link workflow, shared by practice submissions and (next) the call
 * for presenters. Someone without an account gets a private link to a draft, fills it in steps
 * and sends it for review; moderators comment, ask for changes (a new link goes out, the old
 * one stops working), publish or archive it:
 *
 *     draft → submitted → changes_requested → submitted → … → published | archived
 *
 * The record's table keeps its state and only the hash of its current link. The domain owns the
 * table, the mails and the audit rows; this module owns the states, the transitions and the links.
 */
export const WORKFLOW_STATES = ['draft', 'submitted', 'changes_requested', 'published', 'archived'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** The person behind the link may still change it (before review, or when asked to). */
export const canEditDraft = (state: WorkflowState) => state === 'draft' || state === 'changes_requested';
/** Sending for review is allowed while the draft is editable (completeness is the domain's rule). */
export const canSubmit = canEditDraft;
/** Moderators answer only what waits for them. */
export const canRequestChanges = (state: WorkflowState) => state === 'submitted';
export const canPublish = (state: WorkflowState) => state === 'submitted';
/** Anything on its way or already out can be archived; a draft nobody sent is left alone. */
export const canArchive = (state: WorkflowState) => state === 'submitted' || state === 'changes_requested' || state === 'published';
/** Published records change through moderators only (a new version), never through the link. */
export const canRevise = (state: WorkflowState) => state === 'published';
/** Whether the private link opens anything at all: once public, it is revoked. */
export const linkIsLive = (state: WorkflowState) => state !== 'published' && state !== 'archived';

/** What a step does to the state, and the refusal when the record is not there yet. */
const TRANSITIONS = {
	submit: { allowed: canSubmit, to: 'submitted', refusal: 'not_editable' },
	requestChanges: { allowed: canRequestChanges, to: 'changes_requested', refusal: 'not_submitted' },
	publish: { allowed: canPublish, to: 'published', refusal: 'not_submitted' },
	archive: { allowed: canArchive, to: 'archived', refusal: 'not_found' }
} as const satisfies Record<string, { allowed: (s: WorkflowState) => boolean; to: WorkflowState; refusal: string }>;
export type WorkflowStep = keyof typeof TRANSITIONS;

/** The state after `step`, or a DomainError('conflict') naming why the step is refused. */
export function transition(state: WorkflowState, step: WorkflowStep): WorkflowState {
	const t = TRANSITIONS[step];
	if (!t.allowed(state)) throw new DomainError(t.refusal === 'not_found' ? 'not_found' : 'conflict', t.refusal);
	return t.to;
}

/** Refuses editing a draft that is under review or already out. */
export function assertEditable(state: WorkflowState): void {
	if (!canEditDraft(state)) throw new DomainError('conflict', 'not_editable');
}

/**
 * A new private link: the token goes out once (by mail, or a redirect), only `hash` is stored.
 * Storing a new hash on the record revokes every earlier link.
 */
export function issueLink(): { token: string; hash: string } {
	const token = randomToken();
	return { token, hash: hashToken(token) };
}

/** The stored hash a link would match, or null for anything that is not a link (no query then). */
export function linkHash(token: string): string | null {
	return TOKEN_SHAPE.test(token) ? hashToken(token) : null;
}

/**
 * The record behind a private link, or null for an unknown, revoked or malformed link. `find`
 * looks the hash up in the domain's table (with `for update` when the caller will write).
 */
export async function resolveLink<R>(token: string, find: (hash: string) => Promise<R | undefined | null>): Promise<R | null> {
	const hash = linkHash(token);
	if (!hash) return null;
	return (await find(hash)) ?? null;
}

/** Like resolveLink, but an unknown link is a DomainError('not_found') (for verbs). */
export async function requireLink<R>(token: string, find: (hash: string) => Promise<R | undefined | null>): Promise<R> {
	const found = await resolveLink(token, find);
	if (!found) throw new DomainError('not_found', 'not_found');
	return found;
}

/** An absolute address on this installation, in the reader's language (links in mails). */
export function publicUrl(ctx: Pick<Ctx, 'origin'>, path: string, locale: Locale): string {
	return new URL(localizeHref(path, { locale }), ctx.origin).toString();
}

/** The languages a mail may go out in; anything else stored falls back to Spanish. */
export function mailLocale(stored: string | null | undefined): Locale {
	return stored === 'pt' || stored === 'en' ? stored : 'es';
}
