import { asc, eq } from 'drizzle-orm';
import { m } from '../../paraglide/messages.js';
import type { Ctx } from '../context.ts';
import { enqueueMail, type MailMessage } from '../mail/index.ts';
import { event, eventSession } from '../events/schema.ts';
import { isLocale, pick, type Locale, type LocalizedText } from '../../i18n/localized.ts';
import { describeZone, formatSessionRange } from '../../time.ts';
import { registration, registrationSession, registrationSettings } from './schema.ts';
import { registrationToken } from '../private-links/index.ts';
import { localizeHref } from '../../paraglide/runtime.js';

/** A page's full address in a language, for mails. */
export const absoluteUrl = (origin: string, path: string, locale: Locale) => new URL(localizeHref(path, { locale }), origin).toString();

/** A registrant's private page, in their language, from the configured public address. */
export const registrationLink = (ctx: Pick<Ctx, 'origin'>, token: string, locale: Locale) => absoluteUrl(ctx.origin, `/registration/${token}`, locale);

export type MailKind = 'confirm' | 'already_registered' | 'confirmed' | 'seat_given' | 'reminder' | 'expired';

/** A session's time in the event's zone and, when it differs, in the registrant's own. */
export function sessionTimeLines(s: { startsAt: Date; endsAt: Date }, eventZone: string, ownZone: string, locale: Locale): string {
	const inEvent = `${formatSessionRange(s.startsAt, s.endsAt, eventZone, locale)} (${describeZone(eventZone, s.startsAt, locale)})`;
	if (ownZone === eventZone) return inEvent;
	return `${inEvent}\n    ${m.mail_registration_your_time({ time: `${formatSessionRange(s.startsAt, s.endsAt, ownZone, locale)} (${describeZone(ownZone, s.startsAt, locale)})` }, { locale })}`;
}

/**
 * Write one mail about a registration, in the registrant's language, from what the database
 * holds now (sessions, seats, times in both zones) and the private link.
 */
export async function registrationMail(
	ctx: Pick<Ctx, 'db' | 'origin' | 'secret'>,
	params: {
		registrationId: string;
		kind: MailKind;
		idempotencyKey: string;
		sessionId?: string;
		/** For reminders: the join link and how long before the start this one goes out. */
		reminder?: { minutes: number };
	}
): Promise<MailMessage | null> {
	const [row] = await ctx.db
		.select({
			id: registration.id,
			email: registration.email,
			name: registration.name,
			status: registration.status,
			locale: registration.locale,
			timeZone: registration.timeZone,
			tokenSalt: registration.tokenSalt,
			eventTitle: event.title,
			eventSlug: event.slug,
			eventZone: event.timeZone,
			holdHours: registrationSettings.holdHours
		})
		.from(registration)
		.innerJoin(event, eq(event.id, registration.eventId))
		.leftJoin(registrationSettings, eq(registrationSettings.eventId, registration.eventId))
		.where(eq(registration.id, params.registrationId));
	if (!row || row.status === 'deleted') return null;
	const locale: Locale = isLocale(row.locale) ? row.locale : 'es';
	const url = registrationLink(ctx, registrationToken(ctx.secret, row.id, row.tokenSalt), locale);
	const title = pick(row.eventTitle, locale).text;
	const sessions = await ctx.db
		.select({
			id: eventSession.id,
			title: eventSession.title,
			startsAt: eventSession.startsAt,
			endsAt: eventSession.endsAt,
			joinUrl: eventSession.joinUrl,
			state: registrationSession.state
		})
		.from(registrationSession)
		.innerJoin(eventSession, eq(eventSession.id, registrationSession.sessionId))
		.where(eq(registrationSession.registrationId, row.id))
		.orderBy(asc(eventSession.startsAt));
	const list = sessions
		.map((s) => {
			const state = s.state === 'seat' ? (row.status === 'confirmed' ? m.registration_state_seat({}, { locale }) : m.registration_state_held({}, { locale })) : m.registration_state_waitlist({}, { locale });
			return `- ${pick(s.title, locale).text} — ${state}\n    ${sessionTimeLines(s, row.eventZone, row.timeZone, locale)}`;
		})
		.join('\n');
	// The confirmation and "you are already registered" mails go out because someone typed this
	// address in the form: they count against the caps on mails a visitor causes.
	const visitorRequested = params.kind === 'confirm' || params.kind === 'already_registered';
	const base = { locale, to: row.email, payload: { url, registrationId: row.id }, idempotencyKey: params.idempotencyKey, visitorRequested };
	const name = row.name;
	switch (params.kind) {
		case 'confirm': {
			const hold = row.holdHours ?? 0;
			const deadline = hold > 0 ? `\n\n${m.mail_registration_confirm_deadline({ hours: hold }, { locale })}` : '';
			return {
				...base,
				template: 'registration-confirm',
				subject: m.mail_registration_confirm_subject({ event: title }, { locale }),
				body: m.mail_registration_confirm_body({ name, event: title, url, sessions: list }, { locale }) + deadline
			};
		}
		case 'expired': {
			const again = absoluteUrl(ctx.origin, `/events/${row.eventSlug}/register`, locale);
			return {
				...base,
				payload: { url: again, registrationId: row.id },
				template: 'registration-expired',
				subject: m.mail_registration_expired_subject({ event: title }, { locale }),
				body: m.mail_registration_expired_body({ name, event: title, url: again, hours: row.holdHours ?? 0 }, { locale })
			};
		}
		case 'already_registered':
			return {
				...base,
				template: 'registration-again',
				subject: m.mail_registration_again_subject({ event: title }, { locale }),
				body: m.mail_registration_again_body({ name, event: title, url, sessions: list }, { locale })
			};
		case 'confirmed':
			return {
				...base,
				template: 'registration-confirmed',
				subject: m.mail_registration_confirmed_subject({ event: title }, { locale }),
				body: m.mail_registration_confirmed_body({ name, event: title, url, sessions: list }, { locale })
			};
		case 'seat_given': {
			const session = sessions.find((s) => s.id === params.sessionId);
			if (!session) return null;
			const body = row.status === 'confirmed' ? m.mail_registration_seat_body : m.mail_registration_seat_pending_body;
			return {
				...base,
				template: 'registration-seat-given',
				subject: m.mail_registration_seat_subject({ session: pick(session.title, locale).text }, { locale }),
				body: body({ name, event: title, session: pick(session.title, locale).text, time: sessionTimeLines(session, row.eventZone, row.timeZone, locale), url }, { locale })
			};
		}
		case 'reminder': {
			const session = sessions.find((s) => s.id === params.sessionId);
			if (!session || session.state !== 'seat' || row.status !== 'confirmed') return null;
			const minutes = params.reminder?.minutes ?? 60;
			const when = minutes === 1440 ? m.reminder_tomorrow({}, { locale }) : minutes % 1440 === 0 ? m.reminder_in_days({ count: minutes / 1440 }, { locale }) : minutes % 60 === 0 ? m.reminder_in_hours({ count: minutes / 60 }, { locale }) : m.reminder_in_minutes({ count: minutes }, { locale });
			const join = session.joinUrl ? m.mail_reminder_join({ link: session.joinUrl }, { locale }) : m.mail_reminder_join_later({}, { locale });
			return {
				...base,
				template: 'registration-reminder',
				subject: m.mail_reminder_subject({ session: pick(session.title, locale).text, when }, { locale }),
				body: m.mail_reminder_body({ name, event: title, session: pick(session.title, locale).text, when, time: sessionTimeLines(session, row.eventZone, row.timeZone, locale), join, url }, { locale })
			};
		}
	}
}

/** Write a mail about one registration to the outbox (in the caller's transaction), with its private link. */
export async function notifyRegistrant(
	ctx: Ctx,
	params: { registrationId: string; kind: MailKind; idempotencyKey: string; sessionId?: string; reminder?: { minutes: number } }
) {
	const message = await registrationMail(ctx, params);
	return message ? enqueueMail(ctx, message) : null;
}

/** An organiser's message to one registrant: their greeting, in their language, with their private link. */
export function bulkMail(
	ctx: Pick<Ctx, 'origin' | 'secret'>,
	params: { person: { id: string; email: string; name: string; locale: string; salt: string }; eventTitle: LocalizedText; subject: string; body: string; batchId: string }
): MailMessage {
	const { person } = params;
	const locale: Locale = isLocale(person.locale) ? person.locale : 'es';
	const url = registrationLink(ctx, registrationToken(ctx.secret, person.id, person.salt), locale);
	return {
		template: 'registrants-message',
		locale,
		to: person.email,
		subject: `${params.subject} · ${pick(params.eventTitle, locale).text}`,
		body: m.mail_bulk_body({ name: person.name, body: params.body, url }, { locale }),
		// The registration too, so deleting it erases this mail (redactMails).
		payload: { bulkMessageId: params.batchId, registrationId: person.id },
		idempotencyKey: `bulk:${params.batchId}:${person.id}`,
		batchId: params.batchId
	};
}

/** A change to a session, or its cancellation, as its registrants are told about it. */
export type SessionNotice =
	| { kind: 'changed'; sessionId: string; title: LocalizedText; before: { startsAt: Date; endsAt: Date }; after: { startsAt: Date; endsAt: Date; joinUrl: string | null }; timeChanged: boolean; joinUrlChanged: boolean }
	| { kind: 'cancelled'; sessionId: string; title: LocalizedText; startsAt: Date; endsAt: Date };

/**
 * The mail telling one registrant that a session of theirs moved, got a new join link or was
 * cancelled: in their language, the time in the event's zone and theirs, the join link only for a
 * confirmed seat, and the link to download the session's calendar file again.
 */
export async function sessionNoticeMail(
	ctx: Pick<Ctx, 'db' | 'origin' | 'secret'>,
	params: { registrationId: string; state: 'seat' | 'waitlist'; notice: SessionNotice; idempotencyKey: string }
): Promise<MailMessage | null> {
	const [row] = await ctx.db
		.select({
			id: registration.id,
			email: registration.email,
			name: registration.name,
			status: registration.status,
			locale: registration.locale,
			timeZone: registration.timeZone,
			tokenSalt: registration.tokenSalt,
			eventTitle: event.title,
			eventZone: event.timeZone
		})
		.from(registration)
		.innerJoin(event, eq(event.id, registration.eventId))
		.where(eq(registration.id, params.registrationId));
	if (!row || (row.status !== 'pending' && row.status !== 'confirmed')) return null;
	const locale: Locale = isLocale(row.locale) ? row.locale : 'es';
	const token = registrationToken(ctx.secret, row.id, row.tokenSalt);
	const url = registrationLink(ctx, token, locale);
	const title = pick(row.eventTitle, locale).text;
	const session = pick(params.notice.title, locale).text;
	const base = { locale, to: row.email, payload: { url, registrationId: row.id, sessionId: params.notice.sessionId }, idempotencyKey: params.idempotencyKey };
	const { notice } = params;
	if (notice.kind === 'cancelled') {
		return {
			...base,
			template: 'registration-session-cancelled',
			subject: m.session_cancel_mail_subject({ session, event: title }, { locale }),
			body: m.session_cancel_mail_body({ name: row.name, event: title, session, time: sessionTimeLines(notice, row.eventZone, row.timeZone, locale), url }, { locale })
		};
	}
	const parts: string[] = [];
	if (notice.timeChanged) {
		parts.push(m.session_change_time({ time: sessionTimeLines(notice.after, row.eventZone, row.timeZone, locale) }, { locale }));
		parts.push(m.session_change_time_before({ time: sessionTimeLines(notice.before, row.eventZone, row.timeZone, locale) }, { locale }));
	}
	if (notice.joinUrlChanged && params.state === 'seat') {
		if (row.status !== 'confirmed') parts.push(m.session_change_join_pending({}, { locale }));
		else if (notice.after.joinUrl) parts.push(m.session_change_join({ link: notice.after.joinUrl }, { locale }));
		else parts.push(m.session_change_join_removed({}, { locale }));
	}
	if (parts.length === 0) return null;
	const calendar = absoluteUrl(ctx.origin, `/registration/${token}/sessions/${notice.sessionId}/calendar.ics`, locale);
	return {
		...base,
		template: 'registration-session-changed',
		subject: m.session_change_mail_subject({ session, event: title }, { locale }),
		body: m.session_change_mail_body({ name: row.name, event: title, session, changes: parts.join('\n\n'), calendar, url }, { locale })
	};
}
