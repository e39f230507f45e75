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
