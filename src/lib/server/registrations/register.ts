import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError, inTransaction } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { hashToken, newSalt, registrationToken } from '../private-links/index.ts';
import type { Locale } from '../../i18n/localized.ts';
import { registration, registrationSession, registrationSettings, type InstitutionType } from './schema.ts';
import { registrationWindow } from './queries.ts';
import { notifyRegistrant } from './mails.ts';
import { takePlaces, validSessions } from './seats.ts';
import { existingIdempotencyKeys } from '../mail/index.ts';
import { normaliseEmail } from '../email.ts';

/**
 * Open registration: a person registers without an account, confirms by the link in a mail
 * (double opt-in), and manages everything behind that private link (private-page.ts).
 */

export interface RegistrationInput {
	name: string;
	email: string;
	country: string;
	city: string;
	geonamesId: number | null;
	institution: string;
	institutionType: InstitutionType;
	role: string;
	sessionIds: string[];
	answers: Record<string, string | string[]>;
	locale: Locale;
	timeZone: string;
}

export type RegistrationDetails = Omit<RegistrationInput, 'email' | 'sessionIds' | 'answers' | 'locale'> & { locale: Locale };

export type RegisterOutcome = 'created' | 'renewed' | 'already_pending' | 'already_confirmed';

/**
 * Mails a new form causes for a registration that already exists are at least this far apart:
 * a retry after a lost answer, a double click or a flood of posts sends at most one.
 */
const RESEND_MINUTES = 10;

function detailsOf(input: RegistrationInput) {
	return {
		name: input.name,
		country: input.country,
		city: input.city,
		geonamesId: input.geonamesId,
		institution: input.institution,
		institutionType: input.institutionType,
		role: input.role,
		answers: input.answers,
		locale: input.locale,
		timeZone: input.timeZone
	};
}

/** One key per registration, template and ten-minute span, so the outbox's unique key holds even under parallel posts. */
const spanOf = (now: Date) => Math.floor(now.getTime() / (RESEND_MINUTES * 60_000));
const resendKey = (prefix: string, registrationId: string, span: number) => `${prefix}:${registrationId}:${span}`;

/**
 * Write the mail a form causes for an existing registration, unless one went out in this span
 * or the one before (so two such mails are ten to twenty minutes apart at least). Under the
 * registration's row lock, and the key is unique in the outbox: parallel posts make one mail.
 */
async function remind(tx: Ctx, registrationId: string, kind: 'confirm' | 'already_registered', now: Date) {
	const span = spanOf(now);
	const prefixes = kind === 'confirm' ? ['registration-confirm', 'registration-renewed'] : ['registration-again'];
	const recent = await existingIdempotencyKeys(tx.db, prefixes.flatMap((p) => [resendKey(p, registrationId, span), resendKey(p, registrationId, span - 1)]));
	if (recent.size > 0) return;
	await notifyRegistrant(tx, { registrationId, kind, idempotencyKey: resendKey(prefixes[0], registrationId, span) });
}

/**
 * Register a person: one registration per address and event, confirmed from the mailbox
 * (double opt-in). Typing an address that is already registered changes nothing of that
 * registration — not its details, sessions or seats, pending or confirmed — so nobody can take
 * over someone else's by typing their address: the owner is only sent their link again (the
 * confirmation link while pending, their private page once confirmed), at most once in ten
 * minutes. A cancelled or expired registration is renewed with the new form, like a new one.
 * The answer never says which case happened.
 */
export async function register({
	ctx,
	eventId,
	input,
	now = new Date()
}: {
	ctx: Ctx;
	eventId: string;
	input: RegistrationInput;
	now?: Date;
}): Promise<{ outcome: RegisterOutcome; registrationId: string }> {
	const window = await registrationWindow(ctx, { eventId, now });
	if (!window.open) throw new DomainError(window.reason === 'not_found' ? 'not_found' : 'conflict', `registration_${window.reason}`);
	const address = normaliseEmail(input.email.trim());
	if (!address.ok) throw new DomainError('invalid', address.reason);
	const email = address.email;
	return inTransaction(ctx, async (tx) => {
		const sessionIds = await validSessions(tx, eventId, input.sessionIds, now);
		const [settings] = await tx.db.select({ version: registrationSettings.privacyVersion }).from(registrationSettings).where(eq(registrationSettings.eventId, eventId));
		const consentVersion = settings?.version ?? 1;
		const id = randomUUID();
		const salt = newSalt();
		const inserted = await tx.db
			.insert(registration)
			.values({
				id,
				eventId,
				email,
				...detailsOf(input),
				consentVersion,
				consentedAt: now,
				status: 'pending',
				tokenHash: hashToken(registrationToken(ctx.secret, id, salt)),
				tokenSalt: salt,
				createdAt: now,
				updatedAt: now
			})
			.onConflictDoNothing({ target: [registration.eventId, registration.email] })
			.returning({ id: registration.id });
		if (inserted.length === 1) {
			await takePlaces(tx, id, sessionIds, now);
			await recordAudit(tx, { action: 'registration.created', entity: 'registration', entityId: id, details: { eventId } });
			await notifyRegistrant(tx, { registrationId: id, kind: 'confirm', idempotencyKey: resendKey('registration-confirm', id, spanOf(now)) });
			return { outcome: 'created' as const, registrationId: id };
		}
		const [existing] = await tx.db
			.select({ id: registration.id, status: registration.status })
			.from(registration)
			.where(and(eq(registration.eventId, eventId), eq(registration.email, email)))
			.for('update');
		if (existing.status === 'confirmed') {
			await remind(tx, existing.id, 'already_registered', now);
			return { outcome: 'already_confirmed' as const, registrationId: existing.id };
		}
		if (existing.status === 'pending') {
			// Only the mailbox's owner may change a pending registration (from its link): the form
			// may have been typed by anyone, so it only sends the confirmation link again.
			await remind(tx, existing.id, 'confirm', now);
			return { outcome: 'already_pending' as const, registrationId: existing.id };
		}
		// Cancelled (or expired): it holds no seat; the new form starts it again, to be confirmed.
		await tx.db
			.update(registration)
			.set({ ...detailsOf(input), consentVersion, consentedAt: now, status: 'pending', cancelledAt: null, updatedAt: now })
			.where(eq(registration.id, existing.id));
		await tx.db.delete(registrationSession).where(eq(registrationSession.registrationId, existing.id));
		await takePlaces(tx, existing.id, sessionIds, now);
		await recordAudit(tx, { action: 'registration.renewed', entity: 'registration', entityId: existing.id, details: { eventId } });
		await notifyRegistrant(tx, { registrationId: existing.id, kind: 'confirm', idempotencyKey: resendKey('registration-renewed', existing.id, spanOf(now)) });
		return { outcome: 'renewed' as const, registrationId: existing.id };
	});
}
