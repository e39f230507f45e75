import { createHmac, randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import { and, asc, eq, inArray } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { m } from '../../paraglide/messages.js';
import type { Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/log.ts';
import { canManageEvent } from '../auth/rules.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { event, eventSession, network } from '../events/schema.ts';
import { isLocale, pick, type Locale } from '../../i18n/localized.ts';
import { formatDate, formatSessionRange } from '../../time.ts';
import { attendedSessions } from './attendance.ts';
import { certificate, registration, registrationSettings, type CertificateRole } from './schema.ts';
import { hashToken, TOKEN_SHAPE } from './tokens.ts';
import type { RegistrationEnv } from './commands.ts';
import { absoluteUrl } from './mails.ts';

// DejaVu Sans covers Latin (with every accent), Greek, Cyrillic and more: any registrant's name
// prints as typed. pdfkit embeds only the letters used.
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

// Codes people may read aloud or type from paper: no 0/O, 1/I/L.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
export const CODE_SHAPE = /^[A-HJKMNP-Z2-9]{10}$/;

export type Certificate = typeof certificate.$inferSelect;

/** Issue (or refresh) the attendee certificate of a registrant who attended at least one session. */
export async function issueAttendeeCertificate({ db, token }: { db: Db; token: string }): Promise<Certificate> {
	if (!TOKEN_SHAPE.test(token)) throw new DomainError('not_found', 'not_found');
	return db.transaction(async (tx) => {
		const [reg] = await tx.select().from(registration).where(eq(registration.tokenHash, hashToken(token)));
		if (!reg || reg.status !== 'confirmed') throw new DomainError('not_found', 'not_found');
		const attended = await attendedSessions(tx, reg.id);
		if (attended.length === 0) throw new DomainError('conflict', 'not_eligible');
		const minutes = attended.reduce((n, s) => n + Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000), 0);
		const values = { name: reg.name, locale: reg.locale, minutes, sessionIds: attended.map((s) => s.sessionId), registrationId: reg.id };
		const [row] = await tx
			.insert(certificate)
			.values({ code: newCode(), eventId: reg.eventId, email: reg.email, role: 'attendee', ...values })
			.onConflictDoUpdate({ target: [certificate.eventId, certificate.email, certificate.role], set: values })
			.returning();
		await recordAudit(tx, null, { action: 'certificate.issued', entity: 'certificate', entityId: row.id, details: { eventId: reg.eventId, role: 'attendee' } });
		return row;
	});
}

/** A private link to an organiser-issued certificate (presenters, moderators): derived, never stored. */
export const certificateToken = (secret: string, id: string) => createHmac('sha256', secret).update(`certificate:${id}`).digest('base64url').slice(0, 32);

export function certificateLink(env: Pick<RegistrationEnv, 'secret' | 'origin'>, c: Pick<Certificate, 'id' | 'locale'>) {
	return absoluteUrl(env.origin, `/certificates/${c.id}/${certificateToken(env.secret, c.id)}/certificate.pdf`, isLocale(c.locale) ? c.locale : 'es');
}

/** Organisers issue certificates to presenters and moderators; the person gets the link by mail. */
export async function issueCertificate({ ctx, env, eventId, input }: { ctx: Ctx; env: RegistrationEnv; eventId: string; input: { name: string; email: string; role: CertificateRole; locale: Locale } }) {
	if (!canManageEvent(ctx.actor, eventId)) throw new DomainError('forbidden', 'forbidden');
	return ctx.db.transaction(async (tx) => {
		const sessions = await tx.select({ id: eventSession.id, startsAt: eventSession.startsAt, endsAt: eventSession.endsAt }).from(eventSession).where(eq(eventSession.eventId, eventId));
		const minutes = sessions.reduce((n, s) => n + Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000), 0);
		const email = input.email.toLowerCase();
		const values = { name: input.name, locale: input.locale, minutes, sessionIds: sessions.map((s) => s.id), revokedAt: null };
		const [row] = await tx
			.insert(certificate)
			.values({ code: newCode(), eventId, email, role: input.role, ...values })
			.onConflictDoUpdate({ target: [certificate.eventId, certificate.email, certificate.role], set: values })
			.returning();
		const [ev] = await tx.select({ title: event.title }).from(event).where(eq(event.id, eventId));
		const locale = input.locale;
		await enqueueMail(
			tx,
			{
				template: 'certificate-issued',
				locale,
				to: email,
				subject: m.mail_certificate_subject({ event: pick(ev.title, locale).text }, { locale }),
				body: m.mail_certificate_body({ name: input.name, event: pick(ev.title, locale).text, url: certificateLink(env, row) }, { locale }),
				payload: { certificateId: row.id },
				idempotencyKey: `certificate-issued:${row.id}:${input.name}:${input.role}`
			},
			env.delivery
		);
		await recordAudit(tx, ctx.actor, { action: 'certificate.issued', entity: 'certificate', entityId: row.id, details: { eventId, role: input.role } });
		return row;
	});
}

export async function listCertificates(ctx: Ctx, eventId: string) {
	if (!canManageEvent(ctx.actor, eventId)) throw new DomainError('forbidden', 'forbidden');
	return ctx.db.select().from(certificate).where(eq(certificate.eventId, eventId)).orderBy(asc(certificate.role), asc(certificate.name));
}

export async function certificateByLink(db: Db, secret: string, id: string, token: string): Promise<Certificate | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id) || token !== certificateToken(secret, id)) return null;
	const [row] = await db.select().from(certificate).where(eq(certificate.id, id));
	return row && !row.revokedAt ? row : null;
}

/** What the public verification page may say: the name, the event and the role — nothing more. */
export async function verifyCertificate(db: Db, code: string) {
	const clean = code.trim().toUpperCase();
	if (!CODE_SHAPE.test(clean)) return null;
	const [row] = await db
		.select({ name: certificate.name, role: certificate.role, revokedAt: certificate.revokedAt, eventTitle: event.title, eventSlug: event.slug })
		.from(certificate)
		.innerJoin(event, eq(event.id, certificate.eventId))
		.where(eq(certificate.code, clean));
	return row ?? null;
}

export const verificationUrl = (origin: string, code: string) => new URL(`/certificates/verify/${code}`, origin).toString();

/** The certificate as a one-page PDF in the person's language, with a QR code to its verification page. */
export async function certificatePdf(db: Db, c: Certificate, origin: string): Promise<Uint8Array<ArrayBuffer>> {
	const locale: Locale = isLocale(c.locale) ? c.locale : 'es';
	const [ev] = await db
		.select({ title: event.title, unit: event.unit, zone: event.timeZone, networkName: network.name, text: registrationSettings.certificateText, signatories: registrationSettings.signatories })
		.from(event)
		.innerJoin(network, eq(network.id, event.networkId))
		.leftJoin(registrationSettings, eq(registrationSettings.eventId, event.id))
		.where(eq(event.id, c.eventId));
	const sessions = c.sessionIds.length
		? await db.select({ title: eventSession.title, startsAt: eventSession.startsAt, endsAt: eventSession.endsAt }).from(eventSession).where(and(eq(eventSession.eventId, c.eventId), inArray(eventSession.id, c.sessionIds))).orderBy(asc(eventSession.startsAt))
		: [];
	const url = verificationUrl(origin, c.code);
	const qr = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
	const title = pick(ev.title, locale).text;
	const roleText = { attendee: m.certificate_role_attendee, presenter: m.certificate_role_presenter, moderator: m.certificate_role_moderator }[c.role]({}, { locale });
	const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(c.minutes / 60);

	const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 56, info: { Title: `${m.certificate_heading({}, { locale })} — ${title}`, Author: ev.networkName, Subject: c.code } });
	doc.registerFont('body', FONT);
	doc.registerFont('bold', FONT_BOLD);
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
	const width = doc.page.width - 112;
	doc.font('body').fontSize(12).fillColor('#444').text(`${ev.networkName} · ${pick(ev.unit, locale).text}`, { align: 'center', width });
	doc.moveDown(1.5).font('bold').fontSize(30).fillColor('#0b4f6c').text(m.certificate_heading({}, { locale }), { align: 'center', width });
	doc.moveDown(1).font('body').fontSize(14).fillColor('#000').text(m.certificate_certifies({}, { locale }), { align: 'center', width });
	doc.moveDown(0.5).font('bold').fontSize(26).text(c.name, { align: 'center', width });
	doc.moveDown(0.5).font('body').fontSize(14).text(m.certificate_took_part({ role: roleText, event: title }, { locale }), { align: 'center', width });
	if (c.minutes > 0) doc.moveDown(0.3).text(m.certificate_hours({ hours }, { locale }), { align: 'center', width });
	for (const s of sessions) doc.moveDown(0.2).fontSize(11).fillColor('#333').text(`${pick(s.title, locale).text}: ${formatSessionRange(s.startsAt, s.endsAt, ev.zone, locale)}`, { align: 'center', width });
	const own = ev.text?.[locale] ?? ev.text?.es;
	if (own) doc.moveDown(0.6).fontSize(12).fillColor('#000').text(own, { align: 'center', width });
	const signatories = ev.signatories ?? [];
	if (signatories.length) {
		const y = doc.page.height - 150;
		const slot = width / signatories.length;
		signatories.forEach((sig, i) => {
			const x = 56 + i * slot;
			doc.moveTo(x + 20, y).lineTo(x + slot - 20, y).strokeColor('#888').stroke();
			doc.font('bold').fontSize(11).fillColor('#000').text(sig.name, x, y + 6, { width: slot, align: 'center' });
			doc.font('body').fontSize(10).text(sig.role, x, y + 20, { width: slot, align: 'center' });
		});
	}
	const qrSize = 84;
	const qrY = doc.page.height - 56 - qrSize;
	doc.image(qr, doc.page.width - 56 - qrSize, qrY, { width: qrSize });
	doc.font('body').fontSize(9).fillColor('#333')
		.text(m.certificate_issued({ date: formatDate(c.issuedAt, ev.zone, locale) }, { locale }), 56, qrY + 10, { width: width - qrSize - 20 })
		.text(m.certificate_code({ code: c.code }, { locale }), { width: width - qrSize - 20 })
		.text(m.certificate_verify({ url }, { locale }), { width: width - qrSize - 20 });
	doc.end();
	await done;
	const buffer = Buffer.concat(chunks);
	return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
}
