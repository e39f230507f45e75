import { createHmac } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { and, eq, inArray, lte, ne, or, sql, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { DomainError, type Ctx } from '../context.ts';
import { outbox, type OutboxState } from './schema.ts';

export interface MailMessage {
	template: string;
	locale: string;
	to: string;
	subject: string;
	body: string;
	payload?: Record<string, unknown>;
	/** The same key twice never makes a second mail. */
	idempotencyKey?: string;
	/** Mails sent together to many people share a batch, to follow their delivery. */
	batchId?: string;
	/**
	 * Sent because a visitor asked, to an address they typed (a registration's confirmation, a
	 * draft's link, a sign-in link): counted against MAIL_CAPS, refused over them.
	 */
	visitorRequested?: boolean;
}

/**
 * Mails a visitor's requests may cause in any hour: to one address (whoever asks), and from one
 * client address (whatever they type; MAIL_CAP_PER_CLIENT overrides, e.g. for a city hall behind one
 * address). Counted in the outbox itself, so every instance sharing
 * the database shares the count, and a mail not written (deduplicated, rolled back) never counts.
 */
export const MAIL_CAPS = { perRecipient: 5, perClient: 50, windowMinutes: 60 } as const;

/** The client address as the outbox keeps it: a keyed hash (the address itself is personal data). */
const clientKey = (ctx: Partial<Pick<Ctx, 'clientAddress' | 'secret'>>) =>
	ctx.clientAddress ? createHmac('sha256', ctx.secret ?? '').update(`mail-client:${ctx.clientAddress}`).digest('base64url').slice(0, 22) : '';

/**
 * A visitor-requested mail's recipient as kept: as written, but an international domain in its
 * ASCII form, so both spellings are one address for the caps (which ignore case).
 */
const keptRecipient = (to: string) => {
	const at = to.lastIndexOf('@');
	const domain = to.slice(at + 1);
	// eslint-disable-next-line no-control-regex
	return at > 0 && /[^\x00-\x7f]/.test(domain) ? `${to.slice(0, at)}@${domainToASCII(domain.normalize('NFC')) || domain}` : to;
};

/**
 * Refuse a visitor-requested mail over a cap. Advisory locks on the recipient and the client
 * (held to the end of the caller's transaction) make parallel requests count one after another.
 */
async function checkCaps(db: Db, recipient: string, client: string, perClient: number): Promise<void> {
	await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`mail-to:${recipient}`}, 0))`);
	if (client) await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`mail-from:${client}`}, 0))`);
	const since = sql`now() - make_interval(mins => ${MAIL_CAPS.windowMinutes})`;
	const [{ toRecipient, fromClient }] = await db
		.select({
			toRecipient: sql<number>`count(*) filter (where lower(${outbox.recipient}) = ${recipient})::int`,
			fromClient: sql<number>`count(*) filter (where ${outbox.requestedBy} = ${client} and ${client} <> '')::int`
		})
		.from(outbox)
		.where(and(sql`${outbox.requestedBy} is not null`, sql`${outbox.createdAt} > ${since}`, or(sql`lower(${outbox.recipient}) = ${recipient}`, client ? eq(outbox.requestedBy, client) : undefined)));
	if (toRecipient >= MAIL_CAPS.perRecipient || fromClient >= perClient) throw new MailCapReached();
}

/** Too many mails to this address or from this client in the last hour; nothing was queued. */
export class MailCapReached extends DomainError {
	constructor() {
		super('too_many', 'mail_too_many');
		this.name = 'MailCapReached';
	}
}

/**
 * Queue a mail. `delivery` says whether a worker will send it ("queued")
 * or it only waits in the outbox for organisers to read ("stored", when no SMTP is set).
 */
export async function enqueueMail(ctx: Pick<Ctx, 'db' | 'delivery'> & Partial<Pick<Ctx, 'clientAddress' | 'secret' | 'mailCapPerClient'>>, message: MailMessage): Promise<{ id: string } | null> {
	if (!message.visitorRequested) return insertMail(ctx.db, ctx.delivery, message, null);
	const client = clientKey(ctx);
	// A savepoint inside the caller's transaction (or a transaction of its own): the locks last until it ends.
	return ctx.db.transaction(async (tx) => {
		const db = tx as unknown as Db;
		if (message.idempotencyKey && (await existingIdempotencyKeys(db, [message.idempotencyKey])).size > 0) return null;
		const to = keptRecipient(message.to.trim());
		await checkCaps(db, to.toLowerCase(), client, ctx.mailCapPerClient ?? MAIL_CAPS.perClient);
		return insertMail(db, ctx.delivery, { ...message, to }, client);
	});
}

async function insertMail(db: Db, delivery: Ctx['delivery'], message: MailMessage, requestedBy: string | null): Promise<{ id: string } | null> {
	const rows = await db
		.insert(outbox)
		.values({
			template: message.template,
			locale: message.locale,
			recipient: message.to,
			subject: message.subject,
			body: message.body,
			payload: message.payload ?? {},
			state: delivery === 'smtp' ? 'queued' : 'stored',
			idempotencyKey: message.idempotencyKey ?? null,
			batchId: message.batchId ?? null,
			requestedBy
		})
		.onConflictDoNothing({ target: outbox.idempotencyKey })
		.returning({ id: outbox.id });
	return rows[0] ?? null;
}

export const MAX_ATTEMPTS = 8;

/** 30 s, 1 min, 2 min, … capped at 1 h: a long SMTP outage never loses a mail. */
export function backoffSeconds(attempts: number): number {
	return Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
}

export type ClaimedMail = typeof outbox.$inferSelect;

/**
 * Claim due mails for sending. SKIP LOCKED lets several app instances share one queue
 * without sending a mail twice; a claim expires so a crashed sender's mails go out later.
 */
export async function claimDueMails(db: Db, now: Date, limit = 10): Promise<ClaimedMail[]> {
	const lease = new Date(now.getTime() + 2 * 60_000);
	const due = db
		.select({ id: outbox.id })
		.from(outbox)
		.where(
			or(
				and(eq(outbox.state, 'queued'), lte(outbox.nextAttemptAt, now)),
				and(eq(outbox.state, 'sending'), or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now)))
			)
		)
		.orderBy(outbox.nextAttemptAt)
		.limit(limit)
		.for('update', { skipLocked: true });
	return db
		.update(outbox)
		.set({ state: 'sending', lockedUntil: lease, attempts: sql`${outbox.attempts} + 1` })
		.where(inArray(outbox.id, due))
		.returning();
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
	await db
		.update(outbox)
		.set({ state: 'sent', sentAt: now, lockedUntil: null, lastError: null })
		.where(eq(outbox.id, id));
}

export async function markFailedAttempt(
	db: Db,
	mail: Pick<ClaimedMail, 'id' | 'attempts'>,
	error: string,
	now: Date
): Promise<OutboxState> {
	const state: OutboxState = mail.attempts >= MAX_ATTEMPTS ? 'failed' : 'queued';
	await db
		.update(outbox)
		.set({
			state,
			lockedUntil: null,
			lastError: error.slice(0, 1000),
			nextAttemptAt: new Date(now.getTime() + backoffSeconds(mail.attempts) * 1000)
		})
		.where(eq(outbox.id, mail.id));
	return state;
}

/** An organiser gives a mail that ran out of attempts another round. */
export async function requeueMail(db: Db, id: string, now: Date): Promise<boolean> {
	const rows = await db
		.update(outbox)
		.set({ state: 'queued', attempts: 0, nextAttemptAt: now, lastError: null })
		.where(and(eq(outbox.id, id), eq(outbox.state, 'failed'), ne(outbox.recipient, ERASED)))
		.returning({ id: outbox.id });
	return rows.length === 1;
}

/** What an erased mail's recipient reads in the outbox. */
export const ERASED = '[erased]';

/**
 * Erase the mails about someone who asked to be forgotten (e.g. `{ registrationId }` in their
 * payload), in the caller's transaction: recipient, subject, body and payload (private links)
 * go; template, language, state and times stay for delivery statistics. A mail not yet sent
 * never will be.
 */
export async function redactMails(ctx: Pick<Ctx, 'db'>, params: { about: Record<string, string> }): Promise<number> {
	const rows = await ctx.db
		.update(outbox)
		.set({
			recipient: ERASED,
			subject: '',
			body: '',
			payload: {},
			requestedBy: null,
			lockedUntil: null,
			state: sql`case when ${outbox.state} in ('queued', 'sending') then 'failed' else ${outbox.state} end`,
			lastError: sql`case when ${outbox.state} in ('queued', 'sending') then 'erased before sending' else null end`
		})
		.where(sql`${outbox.payload} @> ${JSON.stringify(params.about)}::jsonb`)
		.returning({ id: outbox.id });
	return rows.length;
}

/** Which of these idempotency keys already made a mail (so a caller can skip work already done). */
export async function existingIdempotencyKeys(db: Db, keys: string[]): Promise<Set<string>> {
	const found = new Set<string>();
	for (let i = 0; i < keys.length; i += 1000) {
		const chunk = keys.slice(i, i + 1000);
		const rows = await db.select({ key: outbox.idempotencyKey }).from(outbox).where(inArray(outbox.idempotencyKey, chunk));
		for (const r of rows) if (r.key) found.add(r.key);
	}
	return found;
}

/** How the mails of a batch are doing: counts per state, and the failures with their last error. */
export async function batchDelivery(db: Db, batchId: string) {
	const counts = await db
		.select({ state: outbox.state, n: sql<number>`count(*)::int` })
		.from(outbox)
		.where(eq(outbox.batchId, batchId))
		.groupBy(outbox.state);
	const failures = await db
		.select({ recipient: outbox.recipient, attempts: outbox.attempts, lastError: outbox.lastError })
		.from(outbox)
		.where(and(eq(outbox.batchId, batchId), eq(outbox.state, 'failed')))
		.orderBy(outbox.recipient)
		.limit(500);
	const byState = Object.fromEntries(counts.map((c) => [c.state, c.n])) as Partial<Record<OutboxState, number>>;
	return { byState, total: counts.reduce((n, c) => n + c.n, 0), failures };
}
