import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError, inTransaction } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { hashToken, newSalt, registrationToken } from '../private-links/index.ts';
import type { Locale } from '../../i18n/localized.ts';
import { registration, registrationSession, registrationSettings, type InstitutionType } from './schema.ts';
import { registrationWindow } from './queries.ts';
import { notifyRegistrant } from './mails.ts';
import { fillAll, takePlaces, validSessions } from './seats.ts';

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

export type RegisterOutcome = 'created' | 'updated' | 'already_confirmed';

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

/**
 * Register a person (or update their registration: one per address and event). A new or still
 * unconfirmed registration gets the confirmation mail; a confirmed one is left as it is and its
 * owner is sent the private link instead, so nobody can change another person's registration
 * by typing their address. The answer never says which case happened.
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
	const email = input.email.trim().toLowerCase();
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
			await notifyRegistrant(tx, { registrationId: id, kind: 'confirm', idempotencyKey: `registration-confirm:${id}:0` });
			return { outcome: 'created' as const, registrationId: id };
		}
		const [existing] = await tx.db
			.select({ id: registration.id, status: registration.status })
			.from(registration)
			.where(and(eq(registration.eventId, eventId), eq(registration.email, email)))
			.for('update');
		if (existing.status === 'confirmed') {
			await notifyRegistrant(tx, { registrationId: existing.id, kind: 'already_registered', idempotencyKey: `registration-again:${existing.id}:${Math.floor(now.getTime() / 600_000)}` });
			return { outcome: 'already_confirmed' as const, registrationId: existing.id };
		}
		// Pending or cancelled: the newest form wins, the sessions are chosen again.
		await tx.db
			.update(registration)
			.set({ ...detailsOf(input), consentVersion, consentedAt: now, status: 'pending', cancelledAt: null, updatedAt: now })
			.where(eq(registration.id, existing.id));
		const before = await tx.db.select({ sessionId: registrationSession.sessionId }).from(registrationSession).where(eq(registrationSession.registrationId, existing.id));
		const dropped = before.map((r) => r.sessionId).filter((s) => !sessionIds.includes(s));
		const added = sessionIds.filter((s) => !before.some((r) => r.sessionId === s));
		if (dropped.length) {
			await tx.db.delete(registrationSession).where(and(eq(registrationSession.registrationId, existing.id), inArray(registrationSession.sessionId, dropped)));
		}
		await takePlaces(tx, existing.id, added, now);
		await fillAll(tx, dropped, now);
		await recordAudit(tx, { action: 'registration.updated', entity: 'registration', entityId: existing.id, details: { eventId } });
		// The same form sent again (a retry after a lost answer, a double click) makes no second
		// mail within ten minutes; a changed form does.
		const sameForm = createHash('sha256').update(JSON.stringify({ ...detailsOf(input), sessionIds: [...sessionIds].sort() })).digest('hex').slice(0, 16);
		await notifyRegistrant(tx, { registrationId: existing.id, kind: 'confirm', idempotencyKey: `registration-confirm:${existing.id}:${sameForm}:${Math.floor(now.getTime() / 600_000)}` });
		return { outcome: 'updated' as const, registrationId: existing.id };
	});
}
