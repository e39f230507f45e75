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

/** Where a role is held, as a mail names it: the whole installation, a network, or one exchange. */
export type MailScope = { kind: 'installation' } | { kind: 'network'; name: string } | { kind: 'event'; title: string };

/** "in the Mercociudades network", "in the exchange «…»", "in the whole installation", in one language. */
export function scopePhrase(scope: MailScope, locale: Locale): string {
	if (scope.kind === 'network') return m.roles_scope_in_network({ name: scope.name }, { locale });
	if (scope.kind === 'event') return m.roles_scope_in_event({ title: scope.title }, { locale });
	return m.roles_scope_in_installation({}, { locale });
}

/** What a role lets its holder do at that kind of place, in one sentence. */
function roleMeaning(role: Role, scope: MailScope, locale: Locale): string {
	if (role === 'administrator') return m.roles_mail_means_administrator({}, { locale });
	if (role === 'organiser') return scope.kind === 'network' ? m.roles_mail_means_network_organiser({}, { locale }) : m.roles_mail_means_event_organiser({}, { locale });
	if (role === 'reviewer') return m.roles_mail_means_reviewer({}, { locale });
	return m.roles_mail_means_moderator({}, { locale });
}

/**
 * Tells a person an organiser gave them a role — which role, and where: a network by its name, an
 * exchange by its title, or the whole installation — and how to sign in (no password is ever sent).
 */
export function roleInvitationMail(params: { to: string; role: Role; scope: MailScope; origin: string; locale: Locale }): MailMessage {
	const { locale, role, scope } = params;
	const signInUrl = new URL(localizeHref('/sign-in', { locale }), params.origin).toString();
	return {
		template: 'role-invitation',
		locale,
		to: params.to,
		subject: m.mail_invitation_subject({}, { locale }),
		body: m.roles_mail_invitation_body(
			{ role: roleLabel(role, locale), scope: scopePhrase(scope, locale), meaning: roleMeaning(role, scope, locale), url: signInUrl },
			{ locale }
		),
		payload: { signInUrl, role, scope: scope.kind }
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
