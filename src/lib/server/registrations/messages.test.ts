import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, DomainError, type Actor, type Ctx } from '../context.ts';
import { anOrganiser, aStranger, testCtx } from '../testing/factories.ts';
import { outbox } from '../mail/schema.ts';
import { sendDueMails } from '../mail/worker.ts';
import { changeSessionCapacity, confirmRegistration, listBulkMessages, register, writeToRegistrants, type RegistrationInput } from './index.ts';
import { demoExchangeWithSessions, registrationInput, tokenFromMail } from './testing.ts';

const organiser = anOrganiser();
const stranger = aStranger();
const now = new Date('2021-07-01T12:00:00Z');
const quiet = { info() {}, warn() {}, error() {} };

describe.each(testDatabases())('writing to registrants on $name', ({ open }) => {
	let database: Database;
	let eventId: string;
	let first: string;
	// Mail goes out through SMTP here, to follow a batch's delivery.
	const ctx = (actor: Actor = ANONYMOUS): Ctx => testCtx(database.db, actor, { delivery: 'smtp', origin: 'http://localhost:3000' });
	const input = (email: string, locale: 'es' | 'pt' = 'es'): RegistrationInput =>
		registrationInput({ name: email.split('@')[0], email, country: 'BR', city: '', institution: '', institutionType: 'academia', sessionIds: [first], locale, timeZone: 'America/Sao_Paulo' });

	beforeAll(async () => {
		database = await open();
		({ eventId, sessionIds: [first] } = await demoExchangeWithSessions(database.db));
		await changeSessionCapacity({ ctx: ctx(organiser), eventId, sessionId: first, capacity: 2, now });
		for (const [email, locale] of [['a@example.org', 'es'], ['b@example.org', 'pt'], ['c@example.org', 'es']] as const) {
			await register({ ctx: ctx(), now, eventId, input: input(email, locale) });
		}
		for (const email of ['a@example.org', 'b@example.org']) await confirmRegistration({ ctx: ctx(), now, token: await tokenFromMail(database.db, email) });
	});
	afterAll(() => database?.close());

	it('queues one mail per person of the chosen audience, in their language, and follows the delivery, retrying failures', async () => {
		const sent = await writeToRegistrants({ ctx: ctx(organiser), eventId, input: { sessionId: first, audience: 'confirmed', subject: 'Cambio de sala', body: 'La sesión empieza diez minutos más tarde.' } });
		expect(sent.recipients).toBe(2);
		const mails = await database.db.select().from(outbox).where(eq(outbox.batchId, sent.id)).orderBy(asc(outbox.recipient));
		expect(mails.map((m) => [m.recipient, m.body.split('\n')[0]])).toEqual([
			['a@example.org', 'Hola, a:'],
			['b@example.org', 'Olá, b:']
		]);
		expect(mails[0].body).toMatch(/http:\/\/localhost:3000\/registration\/[A-Za-z0-9_-]{32}/);
		expect(mails[1].body).toMatch(/http:\/\/localhost:3000\/pt\/registration\//);

		// The SMTP server refuses b once: a sent, b retried later and then sent.
		let refused = false;
		const transport = {
			async send(mail: { to: string; subject: string }) {
				if (mail.to === 'b@example.org' && mail.subject.startsWith('Cambio de sala') && !refused) {
					refused = true;
					throw new Error('451 try again later');
				}
			}
		};
		const batchOnly = async (at: Date) => {
			// The registrations' own mails go out in the same rounds; the refusal is for the message only.
			while ((await sendDueMails(database.db, transport, quiet, () => at)).sent > 0);
		};
		await batchOnly(new Date());
		let [report] = await listBulkMessages(ctx(organiser), eventId);
		expect(report.delivery.byState).toMatchObject({ sent: 1, queued: 1 });
		await batchOnly(new Date(Date.now() + 60_000));
		[report] = await listBulkMessages(ctx(organiser), eventId);
		expect(report.delivery).toMatchObject({ total: 2, byState: { sent: 2 }, failures: [] });

		const waiting = await writeToRegistrants({ ctx: ctx(organiser), eventId, input: { sessionId: null, audience: 'waitlist', subject: 'Lista de espera', body: 'Seguimos atentos a las plazas que se liberen.' } });
		expect(waiting.recipients).toBe(1);
		await expect(writeToRegistrants({ ctx: ctx(organiser), eventId, input: { sessionId: null, audience: 'waitlist', subject: 'x'.repeat(5), body: 'y'.repeat(20) } })).resolves.toMatchObject({ recipients: 1 });
		await expect(writeToRegistrants({ ctx: ctx(stranger), eventId, input: { sessionId: null, audience: 'active', subject: 'Hola', body: 'Un mensaje cualquiera.' } })).rejects.toThrow(DomainError);
	});
});
