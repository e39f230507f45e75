import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { backoffSeconds, claimDueMails, enqueueMail, MAX_ATTEMPTS, type MailMessage } from './outbox.ts';
import { sendDueMails, type MailTransport } from './worker.ts';
import { retryMail } from './commands.ts';
import { outbox } from './schema.ts';
import { anOrganiser, testCtx } from '../testing/factories.ts';

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
});
