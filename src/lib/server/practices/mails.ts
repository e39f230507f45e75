import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../i18n/localized.ts';
import type { Ctx } from '../context.ts';
import type { MailMessage } from '../mail/outbox.ts';
import { publicUrl } from '../private-links/workflow.ts';

// The repository's mails: the domain picks the template, the language and the links (built
// from the configured public address, never from a request).

/** The private link to a draft, in the language the city writes in. */
export const draftLink = (ctx: Pick<Ctx, 'origin'>, token: string, locale: Locale) => publicUrl(ctx, `/practices/submit/${token}`, locale);

/** The private link to a city's draft practice. */
export function submissionLinkMail(
	ctx: Pick<Ctx, 'origin'>,
	params: { to: string; name: string; title: string; token: string; locale: Locale; practiceId: string; round: number }
): MailMessage {
	const { locale } = params;
	const url = draftLink(ctx, params.token, locale);
	return {
		template: 'practice-draft-link',
		locale,
		to: params.to,
		subject: m.mail_submission_subject({}, { locale }),
		body: m.mail_submission_body({ name: params.name, title: params.title, url }, { locale }),
		payload: { url, practiceId: params.practiceId },
		idempotencyKey: `practice-draft-link:${params.practiceId}:${params.round}`,
		// Anyone may start a draft and type any address: capped per recipient and per client.
		visitorRequested: true
	};
}

/** The moderators' message and a new private link (the old one no longer opens the draft). */
export function changesRequestedMail(
	ctx: Pick<Ctx, 'origin'>,
	params: { to: string; name: string; title: string; token: string; message: string; locale: Locale; practiceId: string; round: number }
): MailMessage {
	const { locale } = params;
	const url = draftLink(ctx, params.token, locale);
	return {
		template: 'practice-changes-requested',
		locale,
		to: params.to,
		subject: m.mail_changes_subject({ title: params.title }, { locale }),
		body: m.mail_changes_body({ name: params.name, title: params.title, url, message: params.message }, { locale }),
		payload: { url, practiceId: params.practiceId },
		idempotencyKey: `practice-changes:${params.practiceId}:${params.round}`
	};
}

/** Tells the city its practice is public, with the address of its page. */
export function practicePublishedMail(
	ctx: Pick<Ctx, 'origin'>,
	params: { to: string; name: string; title: string; slug: string; locale: Locale; practiceId: string; version: number }
): MailMessage {
	const { locale } = params;
	const url = publicUrl(ctx, `/practices/${params.slug}`, locale);
	return {
		template: 'practice-published',
		locale,
		to: params.to,
		subject: m.mail_published_subject({ title: params.title }, { locale }),
		body: m.mail_published_body({ name: params.name, url }, { locale }),
		payload: { url, practiceId: params.practiceId },
		idempotencyKey: `practice-published:${params.practiceId}:${params.version}`
	};
}

/**
 * Tells a moderator that a practice waits for review. Moderators read it in the
 * installation's language; the admin area has no language prefix.
 */
export function practiceSubmittedMail(ctx: Pick<Ctx, 'origin'>, params: { to: string; title: string; practiceId: string; round: number }): MailMessage {
	const locale: Locale = 'es';
	const url = new URL(`/admin/practices/${params.practiceId}`, ctx.origin).toString();
	return {
		template: 'practice-submitted',
		locale,
		to: params.to,
		subject: m.mail_submitted_subject({ title: params.title }, { locale }),
		body: m.mail_submitted_body({ title: params.title, url }, { locale }),
		payload: { url, practiceId: params.practiceId },
		idempotencyKey: `practice-submitted:${params.practiceId}:${params.round}:${params.to}`
	};
}
