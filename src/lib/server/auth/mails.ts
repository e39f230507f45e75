import { m } from '../../paraglide/messages.js';
import { localizeHref } from '../../paraglide/runtime.js';
import type { Locale } from '../../i18n/localized.ts';
import { MAGIC_LINK_MINUTES } from '../../i18n/constants.ts';
import { roleLabel } from '../../i18n/labels.ts';
import type { MailMessage } from '../mail/outbox.ts';
import type { Role } from './schema.ts';

// The mails of the auth domain: it picks the template, the language and the links itself.

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
export function roleInvitationMail(params: {
	to: string;
	role: Role;
	/** The event's title in the mail's language; null for the whole installation. */
	eventTitle: string | null;
	origin: string;
	locale: Locale;
}): MailMessage {
	const { locale } = params;
	const signInUrl = new URL(localizeHref('/sign-in', { locale }), params.origin).toString();
	const scope = params.eventTitle ?? m.admin_people_scope_all({}, { locale });
	return {
		template: 'role-invitation',
		locale,
		to: params.to,
		subject: m.mail_invitation_subject({}, { locale }),
		body: m.mail_invitation_body({ role: roleLabel(params.role, locale), scope, url: signInUrl }, { locale }),
		payload: { signInUrl }
	};
}

/** Tells an account's owner that wrong passwords locked password sign-in for a while (once per lock). */
export function accountLockedMail(params: { to: string; minutes: number; origin: string; locale: Locale }): MailMessage {
	const { locale } = params;
	const signInUrl = new URL(localizeHref('/sign-in', { locale }), params.origin).toString();
	return {
		template: 'account-locked',
		locale,
		to: params.to,
		subject: m.edge_mail_locked_subject({}, { locale }),
		body: m.edge_mail_locked_body({ minutes: params.minutes, url: signInUrl }, { locale }),
		payload: { signInUrl, minutes: params.minutes }
	};
}
