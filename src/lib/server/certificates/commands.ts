import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { asActor, DomainError, inTransaction } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { assertCanManageEvent } from '../auth/index.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { hashToken, TOKEN_SHAPE } from '../private-links/index.ts';
import { attendedSessions } from '../attendance/index.ts';
import { event, eventSession } from '../events/schema.ts';
import type { Locale } from '../../i18n/localized.ts';
import { registration } from '../registrations/schema.ts';
import { certificate, type CertificateRole } from './schema.ts';
import { canDownloadCertificate, CODE_ALPHABET } from './rules.ts';
import { certificateIssuedMail } from './mails.ts';

export type Certificate = typeof certificate.$inferSelect;

const newCode = () => Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
const minutesOf = (sessions: { startsAt: Date; endsAt: Date }[]) => sessions.reduce((n, s) => n + Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000), 0);

/** Issue (or refresh) the attendee certificate of a registrant who attended at least one session (through their private link). */
export async function issueAttendeeCertificate({ ctx, token }: { ctx: Ctx; token: string }): Promise<Certificate> {
	if (!TOKEN_SHAPE.test(token)) throw new DomainError('not_found', 'not_found');
	return inTransaction(ctx, async (tx) => {
		const [reg] = await tx.db
			.select({ id: registration.id, eventId: registration.eventId, email: registration.email, name: registration.name, locale: registration.locale, status: registration.status })
			.from(registration)
			.where(eq(registration.tokenHash, hashToken(token)));
		if (!reg) throw new DomainError('not_found', 'not_found');
		const attended = reg.status === 'confirmed' ? await attendedSessions(tx, reg.id) : [];
		const verdict = canDownloadCertificate(reg, attended.length);
		if (verdict === 'not_found') throw new DomainError('not_found', 'not_found');
		if (verdict === 'not_eligible') throw new DomainError('conflict', 'not_eligible');
		const values = { name: reg.name, locale: reg.locale, minutes: minutesOf(attended), sessionIds: attended.map((s) => s.sessionId), registrationId: reg.id };
		const [row] = await tx.db
			.insert(certificate)
			.values({ code: newCode(), eventId: reg.eventId, email: reg.email, role: 'attendee', ...values })
			.onConflictDoUpdate({ target: [certificate.eventId, certificate.email, certificate.role], set: values })
			.returning();
		await recordAudit(asActor(tx, { kind: 'registrant', registrationId: reg.id }), {
			action: 'certificate.issued',
			entity: 'certificate',
			entityId: row.id,
			details: { eventId: reg.eventId, role: 'attendee' }
		});
		return row;
	});
}

/** Organisers issue certificates to presenters and moderators; the person gets the link by mail. */
export async function issueCertificate({ ctx, eventId, input }: { ctx: Ctx; eventId: string; input: { name: string; email: string; role: CertificateRole; locale: Locale } }) {
	assertCanManageEvent(ctx, eventId);
	return inTransaction(ctx, async (tx) => {
		const [ev] = await tx.db.select({ title: event.title }).from(event).where(eq(event.id, eventId));
		if (!ev) throw new DomainError('not_found', 'not_found');
		const sessions = await tx.db.select({ id: eventSession.id, startsAt: eventSession.startsAt, endsAt: eventSession.endsAt }).from(eventSession).where(eq(eventSession.eventId, eventId));
		const email = input.email.toLowerCase();
		const values = { name: input.name, locale: input.locale, minutes: minutesOf(sessions), sessionIds: sessions.map((s) => s.id), revokedAt: null };
		const [row] = await tx.db
			.insert(certificate)
			.values({ code: newCode(), eventId, email, role: input.role, ...values })
			.onConflictDoUpdate({ target: [certificate.eventId, certificate.email, certificate.role], set: values })
			.returning();
		await enqueueMail(tx, certificateIssuedMail(tx, { certificate: row, name: input.name, email, role: input.role, locale: input.locale, eventTitle: ev.title }));
		await recordAudit(tx, { action: 'certificate.issued', entity: 'certificate', entityId: row.id, details: { eventId, role: input.role } });
		return row;
	});
}

/** A registration deleted for good takes its certificates with it (called inside that transaction). */
export async function forgetCertificatesOf({ ctx, registrationId }: { ctx: Ctx; registrationId: string }) {
	await ctx.db.delete(certificate).where(eq(certificate.registrationId, registrationId));
}
