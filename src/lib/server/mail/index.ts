// The mail infrastructure's surface: every domain writes its mails into the outbox (in its own
// transaction); organisers read the outbox and send a failed mail again; the worker sends.
export {
	enqueueMail,
	existingIdempotencyKeys,
	batchDelivery,
	redactMails,
	MAX_ATTEMPTS,
	MAIL_CAPS,
	MailCapReached,
	ERASED,
	backoffSeconds,
	type MailMessage
} from './outbox.ts';
export { listOutbox, getOutboxMail } from './queries.ts';
export { retryMail } from './commands.ts';
export { sendDueMails, startMailWorker, smtpTransport, type MailTransport } from './worker.ts';
export { OUTBOX_STATES, type OutboxState } from './schema.ts';
