import { createRequire } from 'node:module';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { m } from '../../paraglide/messages.js';
import type { Ctx } from '../context.ts';
import { event, eventSession, network } from '../events/schema.ts';
import { networkUnit } from '../networks/schema.ts';
import { isLocale, pick, type Locale, type LocalizedText } from '../../i18n/localized.ts';
import { formatDate, formatSessionRange } from '../../time.ts';
import { registrationSettings } from '../registrations/schema.ts';
import type { Certificate } from './commands.ts';
import { verificationUrl } from './mails.ts';

// DejaVu Sans covers Latin (with every accent), Greek, Cyrillic and more: any registrant's name
// prints as typed. pdfkit embeds only the letters used.
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** The certificate as a one-page PDF in the person's language, with a QR code to its verification page. */
export async function certificatePdf(ctx: Pick<Ctx, 'db' | 'origin'>, c: Certificate): Promise<Uint8Array<ArrayBuffer>> {
	const locale: Locale = isLocale(c.locale) ? c.locale : 'es';
	const [ev] = await ctx.db
		.select({ title: event.title, unit: sql<LocalizedText>`coalesce(${networkUnit.name}, '{"es":""}'::jsonb)`, zone: event.timeZone, networkName: network.name, text: registrationSettings.certificateText, signatories: registrationSettings.signatories })
		.from(event)
		.innerJoin(network, eq(network.id, event.networkId))
		.leftJoin(networkUnit, eq(networkUnit.id, event.unitId))
		.leftJoin(registrationSettings, eq(registrationSettings.eventId, event.id))
		.where(eq(event.id, c.eventId));
	const sessions = c.sessionIds.length
		? await ctx.db.select({ title: eventSession.title, startsAt: eventSession.startsAt, endsAt: eventSession.endsAt }).from(eventSession).where(and(eq(eventSession.eventId, c.eventId), inArray(eventSession.id, c.sessionIds))).orderBy(asc(eventSession.startsAt))
		: [];
	const url = verificationUrl(ctx.origin, c.code);
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
	doc.font('body').fontSize(12).fillColor('#444').text([ev.networkName, pick(ev.unit, locale).text].filter(Boolean).join(' · '), { align: 'center', width });
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
