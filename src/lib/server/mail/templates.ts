import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../i18n/localized.ts';
import { MAGIC_LINK_MINUTES } from '../auth/auth.ts';
import type { MailMessage } from './outbox.ts';

export function magicLinkMail(params: { to: string; url: string; locale: Locale }): MailMessage {
	const { locale } = params;
	return {
		template: 'magic-link',
		locale,
		to: params.to,
		subject: m.mail_magic_subject({}, { locale }),
		body: m.mail_magic_body({ url: params.url, minutes: MAGIC_LINK_MINUTES }, { locale }),
		payload: { url: params.url }
	};
}

/** Tells a person an organiser gave them a role, and how to sign in (no password is ever sent). */
export function roleInvitationMail(params: { to: string; role: string; scope: string; signInUrl: string; locale: Locale }): MailMessage {
	const { locale } = params;
	return {
		template: 'role-invitation',
		locale,
		to: params.to,
		subject: m.mail_invitation_subject({}, { locale }),
		body: m.mail_invitation_body({ role: params.role, scope: params.scope, url: params.signInUrl }, { locale }),
		payload: { signInUrl: params.signInUrl }
	};
}



/** The private link to a city's draft practice. */
export function submissionLinkMail(params: { to: string; name: string; title: string; url: string; locale: Locale; practiceId: string; round: number }): MailMessage {
	const { locale } = params;
	return {
		template: 'practice-draft-link',
		locale,
		to: params.to,
		subject: m.mail_submission_subject({}, { locale }),
		body: m.mail_submission_body({ name: params.name, title: params.title, url: params.url }, { locale }),
		payload: { url: params.url, practiceId: params.practiceId },
		idempotencyKey: `practice-draft-link:${params.practiceId}:${params.round}`
	};
}

export function changesRequestedMail(params: { to: string; name: string; title: string; url: string; message: string; locale: Locale; practiceId: string; round: number }): MailMessage {
	const { locale } = params;
	return {
		template: 'practice-changes-requested',
		locale,
		to: params.to,
		subject: m.mail_changes_subject({ title: params.title }, { locale }),
		body: m.mail_changes_body({ name: params.name, title: params.title, url: params.url, message: params.message }, { locale }),
		payload: { url: params.url, practiceId: params.practiceId },
		idempotencyKey: `practice-changes:${params.practiceId}:${params.round}`
	};
}

export function practicePublishedMail(params: { to: string; name: string; title: string; url: string; locale: Locale; practiceId: string; version: number }): MailMessage {
	const { locale } = params;
	return {
		template: 'practice-published',
		locale,
		to: params.to,
		subject: m.mail_published_subject({ title: params.title }, { locale }),
		body: m.mail_published_body({ name: params.name, url: params.url }, { locale }),
		payload: { url: params.url, practiceId: params.practiceId },
		idempotencyKey: `practice-published:${params.practiceId}:${params.version}`
	};
}

/** Tells a moderator that a practice waits for review. */
export function practiceSubmittedMail(params: { to: string; title: string; url: string; locale: Locale; practiceId: string; round: number }): MailMessage {
	const { locale } = params;
	return {
		template: 'practice-submitted',
		locale,
		to: params.to,
		subject: m.mail_submitted_subject({ title: params.title }, { locale }),
		body: m.mail_submitted_body({ title: params.title, url: params.url }, { locale }),
		payload: { url: params.url, practiceId: params.practiceId },
		idempotencyKey: `practice-submitted:${params.practiceId}:${params.round}:${params.to}`
	};
}
