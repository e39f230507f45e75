import { createHmac } from 'node:crypto';
import { m } from '../../paraglide/messages.js';
import { localizeHref } from '../../paraglide/runtime.js';
import type { Ctx } from '../context.ts';
import type { MailMessage } from '../mail/outbox.ts';
import { isLocale, pick, type Locale, type LocalizedText } from '../../i18n/localized.ts';

/** A private link to an organiser-issued certificate (presenters, moderators): derived, never stored. */
export const certificateToken = (secret: string, id: string) => createHmac('sha256', secret).update(`certificate:${id}`).digest('base64url').slice(0, 32);

/** The certificate's PDF behind its private link, in the person's language, from the configured public address. */
export function certificateLink(ctx: Pick<Ctx, 'secret' | 'origin'>, c: { id: string; locale: string }) {
	const locale: Locale = isLocale(c.locale) ? c.locale : 'es';
	return new URL(localizeHref(`/certificates/${c.id}/${certificateToken(ctx.secret, c.id)}/certificate.pdf`, { locale }), ctx.origin).toString();
}

/** The public page that confirms a certificate (printed as a QR code on it). */
export const verificationUrl = (origin: string, code: string) => new URL(`/certificates/verify/${code}`, origin).toString();

/** "Your certificate": sent when organisers issue one to a presenter or moderator. */
export function certificateIssuedMail(
	ctx: Pick<Ctx, 'secret' | 'origin'>,
	params: { certificate: { id: string; locale: string }; name: string; email: string; role: string; locale: Locale; eventTitle: LocalizedText }
): MailMessage {
	const { locale } = params;
	const event = pick(params.eventTitle, locale).text;
	return {
		template: 'certificate-issued',
		locale,
		to: params.email,
		subject: m.mail_certificate_subject({ event }, { locale }),
		body: m.mail_certificate_body({ name: params.name, event, url: certificateLink(ctx, params.certificate) }, { locale }),
		payload: { certificateId: params.certificate.id },
		idempotencyKey: `certificate-issued:${params.certificate.id}:${params.name}:${params.role}`
	};
}
