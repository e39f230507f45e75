import type { Db } from '../db/client.ts';
import { claimDueMails, markFailedAttempt, markSent } from './outbox.ts';
import { startPeriodic } from '../periodic.ts';

export interface MailTransport {
	send(mail: { to: string; subject: string; text: string }): Promise<void>;
}

export interface Logger {
	info(obj: object, msg?: string): void;
	warn(obj: object, msg?: string): void;
	error(obj: object, msg?: string): void;
}

/** Send what is due once; returns how many were sent and how many failed this round. */
export async function sendDueMails(
	db: Db,
	transport: MailTransport,
	log: Logger,
	now: () => Date = () => new Date()
): Promise<{ sent: number; failed: number }> {
	const claimed = await claimDueMails(db, now());
	let sent = 0;
	let failed = 0;
	for (const mail of claimed) {
		try {
			await transport.send({ to: mail.recipient, subject: mail.subject, text: mail.body });
			await markSent(db, mail.id, now());
			sent++;
		} catch (error) {
			failed++;
			const message = error instanceof Error ? error.message : String(error);
			const state = await markFailedAttempt(db, mail, message, now());
			log.warn({ mailId: mail.id, attempts: mail.attempts, state, err: message }, 'mail send failed');
		}
	}
	return { sent, failed };
}

/** Poll the outbox every few seconds until stopped. */
export function startMailWorker(db: Db, transport: MailTransport, log: Logger, intervalMs = 3000) {
	return startPeriodic(() => sendDueMails(db, transport, log), log, 'mail worker round', intervalMs);
}

export async function smtpTransport(smtpUrl: string, from: string): Promise<MailTransport> {
	const { default: nodemailer } = await import('nodemailer');
	const transporter = nodemailer.createTransport(smtpUrl);
	return {
		async send(mail) {
			await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
		}
	};
}
