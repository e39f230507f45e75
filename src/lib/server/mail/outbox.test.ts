import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { backoffSeconds, claimDueMails, enqueueMail, ERASED, MAIL_CAPS, MailCapReached, MAX_ATTEMPTS, redactMails, requeueMail, type MailMessage } from './outbox.ts';
import { sendDueMails, type MailTransport } from './worker.ts';
import { retryMail } from './commands.ts';
import { outbox } from './schema.ts';
import { anOrganiser, testCtx, unique } from '../testing/factories.ts';

const silent = { info() {}, warn() {}, error() {} };
const mail = (n: number, key?: string): MailMessage => ({
	template: 'test',
	locale: 'es',
	to: `person${n}@example.org`,
	subject: `Asunto ${n}`,
	body: 'Cuerpo',
	idempotencyKey: key
});

describe.each(testDatabases())('outbox on $name', ({ open }) => {
	let database: Database;
	// Where mail goes: stored for organisers to read (no SMTP), or queued for the worker.
	const outboxOnly = () => testCtx(database.db, undefined, { delivery: 'outbox-only' });
	const smtp = () => testCtx(database.db, undefined, { delivery: 'smtp' });
	beforeAll(async () => {
		database = await open();
	});
	afterAll(() => database?.close());

	it('keeps mail in the outbox, unsent, when there is no SMTP', async () => {
		await enqueueMail(outboxOnly(), mail(1));
		const sent: string[] = [];
		const result = await sendDueMails(database.db, { send: async (m) => void sent.push(m.to) }, silent);
		expect(result).toEqual({ sent: 0, failed: 0 });
		const [row] = await database.db.select().from(outbox).where(eq(outbox.recipient, 'person1@example.org'));
		expect(row.state).toBe('stored');
	});

	it('never makes two mails for one idempotency key', async () => {
		expect(await enqueueMail(smtp(), mail(2, 'reminder:1'))).not.toBeNull();
		expect(await enqueueMail(smtp(), mail(2, 'reminder:1'))).toBeNull();
		const rows = await database.db.select().from(outbox).where(eq(outbox.idempotencyKey, 'reminder:1'));
		expect(rows).toHaveLength(1);
	});

	it('sends queued mail once and retries a failure later with backoff, never losing it', async () => {
		const delivered: string[] = [];
		let failNext = true;
		const flaky: MailTransport = {
			async send(m) {
				if (failNext && m.to === 'person3@example.org') {
					failNext = false;
					throw new Error('SMTP 451 try later');
				}
				delivered.push(m.to);
			}
		};
		await enqueueMail(smtp(), mail(3));
		// A second ahead: the database clock has microseconds, JavaScript's only milliseconds.
		const t0 = new Date(Date.now() + 1000);
		const first = await sendDueMails(database.db, flaky, silent, () => t0);
		expect(first).toEqual({ sent: 1, failed: 1 }); // person2 sent, person3 failed
		const [failed] = await database.db.select().from(outbox).where(eq(outbox.recipient, 'person3@example.org'));
		expect(failed.state).toBe('queued');
		expect(failed.attempts).toBe(1);
		expect(failed.lastError).toBe('SMTP 451 try later');
		expect(failed.nextAttemptAt.getTime()).toBe(t0.getTime() + backoffSeconds(1) * 1000);
		// Not due yet: nothing happens.
		expect(await sendDueMails(database.db, flaky, silent, () => t0)).toEqual({ sent: 0, failed: 0 });
		const later = new Date(t0.getTime() + 31_000);
		expect(await sendDueMails(database.db, flaky, silent, () => later)).toEqual({ sent: 1, failed: 0 });
		expect(delivered.sort()).toEqual(['person2@example.org', 'person3@example.org']);
		// Sent mail is never sent again.
		expect(await sendDueMails(database.db, flaky, silent, () => new Date(later.getTime() + 3_600_000))).toEqual({ sent: 0, failed: 0 });
	});

	it('gives up after the last attempt, and an organiser can send it again', async () => {
		await enqueueMail(smtp(), mail(4));
		const broken: MailTransport = { send: async () => Promise.reject(new Error('connection refused')) };
		let now = new Date(Date.now() + 1000);
		for (let i = 0; i < MAX_ATTEMPTS; i++) {
			await sendDueMails(database.db, broken, silent, () => now);
			now = new Date(now.getTime() + 3_600_000);
		}
		const [row] = await database.db.select().from(outbox).where(eq(outbox.recipient, 'person4@example.org'));
		expect(row.state).toBe('failed');
		expect(row.attempts).toBe(MAX_ATTEMPTS);
		await expect(retryMail({ ctx: testCtx(database.db), mailId: row.id })).rejects.toMatchObject({ code: 'forbidden' });
		await retryMail({ ctx: testCtx(database.db, anOrganiser()), mailId: row.id });
		const [again] = await database.db.select().from(outbox).where(eq(outbox.id, row.id));
		expect([again.state, again.attempts]).toEqual(['queued', 0]);
	});

	it('lets two senders share the queue without claiming a mail twice', async () => {
		for (let i = 10; i < 30; i++) await enqueueMail(smtp(), mail(i));
		const now = new Date(Date.now() + 10 * 3_600_000);
		const [a, b] = await Promise.all([
			database.db.transaction((tx) => claimDueMails(tx, now, 15)),
			database.db.transaction((tx) => claimDueMails(tx, now, 15))
		]);
		const ids = [...a, ...b].map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBeGreaterThanOrEqual(20);
	});

	describe('caps on mails a visitor causes', () => {
		const asked = (to: string, key?: string): MailMessage => ({ template: 'test-link', locale: 'es', to, subject: 'Enlace', body: 'https://x', idempotencyKey: key, visitorRequested: true });
		const from = (clientAddress: string) => testCtx(database.db, undefined, { delivery: 'smtp', clientAddress });
		const count = async (to: string) => (await database.db.select().from(outbox).where(eq(sql`lower(${outbox.recipient})`, to.toLowerCase()))).length;

		it('sends an address at most a few per hour, whoever asks and however it is spelt', async () => {
			const to = `ana-${unique()}@münchen.de`;
			const spellings = [to, to.toUpperCase(), to.replace('münchen', 'xn--mnchen-3ya'), to, to];
			for (const [i, spelling] of spellings.entries()) await enqueueMail(from(`10.0.0.${i}`), asked(spelling));
			await expect(enqueueMail(from('10.0.1.1'), asked(to.replace('münchen', 'XN--MNCHEN-3YA')))).rejects.toBeInstanceOf(MailCapReached);
			await expect(enqueueMail(from('10.0.1.1'), asked(to))).rejects.toMatchObject({ code: 'too_many', messageKey: 'mail_too_many' });
			expect((await database.db.select().from(outbox).where(sql`${outbox.requestedBy} is not null and lower(${outbox.recipient}) in (${to.toLowerCase()}, ${to.replace('münchen', 'xn--mnchen-3ya')})`)).length).toBe(MAIL_CAPS.perRecipient);
			// The same key again is no new mail, so it is no refusal either.
			const again = `again-${unique()}@example.org`;
			for (let i = 0; i < MAIL_CAPS.perRecipient; i++) await enqueueMail(from('10.0.2.1'), asked(again, `k:${again}:${i}`));
			expect(await enqueueMail(from('10.0.2.1'), asked(again, `k:${again}:0`))).toBeNull();
			// Mails organisers or jobs send are neither counted nor held back.
			expect(await enqueueMail(smtp(), { ...asked(again), visitorRequested: false })).not.toBeNull();
			// An hour later the address may be written to again.
			await database.db.update(outbox).set({ createdAt: sql`now() - interval '61 minutes'` }).where(eq(outbox.recipient, again));
			expect(await enqueueMail(from('10.0.2.1'), asked(again))).not.toBeNull();
		});

		it('sends at most a few dozen per hour because of one client, whatever addresses it types', async () => {
			const client = `192.0.2.${Math.floor(Math.random() * 250)}:${unique()}`;
			const run = unique();
			for (let i = 0; i < MAIL_CAPS.perClient; i++) await enqueueMail(from(client), asked(`p${i}-${run}@example.org`));
			await expect(enqueueMail(from(client), asked(`last-${run}@example.org`))).rejects.toBeInstanceOf(MailCapReached);
			expect(await count(`last-${run}@example.org`)).toBe(0);
			// Another client is not held back, and the address itself is not stored.
			expect(await enqueueMail(from(`${client}-other`), asked(`last-${run}@example.org`))).not.toBeNull();
			expect(JSON.stringify(await database.db.select().from(outbox))).not.toContain(client);
		});

		it('holds under parallel requests: each is counted before the next one looks', async () => {
			const to = `rush-${unique()}@example.org`;
			const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => database.db.transaction((tx) => enqueueMail({ ...from(`198.51.100.${i}`), db: tx as never }, asked(to)))));
			expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(MAIL_CAPS.perRecipient);
			expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof MailCapReached)).toBe(true);
			expect(await count(to)).toBe(MAIL_CAPS.perRecipient);
		});
	});

	it('erases the mails about someone, keeping what statistics need, and never sends one erased before it left', async () => {
		const who = unique();
		const [sent, waiting] = await Promise.all([
			enqueueMail(smtp(), { ...mail(90), to: `gone-${who}@example.org`, payload: { registrationId: who, url: 'https://x/registration/secret' } }),
			enqueueMail(outboxOnly(), { ...mail(91), to: `gone-${who}@example.org`, payload: { registrationId: who } })
		]);
		const kept = await enqueueMail(smtp(), { ...mail(92), to: `stays-${who}@example.org`, payload: { registrationId: `${who}-other` } });
		expect(await redactMails({ db: database.db }, { about: { registrationId: who } })).toBe(2);
		const rows = await database.db.select().from(outbox).where(inArray(outbox.id, [sent!.id, waiting!.id, kept!.id]));
		const byId = new Map(rows.map((r) => [r.id, r]));
		expect(byId.get(sent!.id)).toMatchObject({ recipient: ERASED, subject: '', body: '', payload: {}, template: 'test', state: 'failed', lastError: 'erased before sending' });
		expect(byId.get(waiting!.id)).toMatchObject({ recipient: ERASED, body: '', state: 'stored' });
		expect(byId.get(kept!.id)).toMatchObject({ recipient: `stays-${who}@example.org`, subject: 'Asunto 92' });
		// An organiser cannot send an erased mail again.
		expect(await requeueMail(database.db, sent!.id, new Date())).toBe(false);
	});
});
