import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, DomainError, type Actor, type Ctx } from '../context.ts';
import { anOrganiser, aStranger, testCtx } from '../testing/factories.ts';
import { outbox } from '../mail/schema.ts';
import { registration, registrationSession } from './schema.ts';
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
	const input = (email: string, locale: 'es' | 'pt' | 'en' = 'es'): RegistrationInput =>
		registrationInput({ name: email.split('@')[0], email, country: 'BR', city: '', institution: '', institutionType: 'academia', sessionIds: [first], locale, timeZone: 'America/Sao_Paulo' });

	beforeAll(async () => {
		database = await open();
		({ eventId, sessionIds: [first] } = await demoExchangeWithSessions(database.db));
		await changeSessionCapacity({ ctx: ctx(organiser), eventId, sessionId: first, capacity: 2, now });
		for (const [email, locale] of [['a@example.org', 'es'], ['b@example.org', 'pt'], ['c@example.org', 'en']] as const) {
			await register({ ctx: ctx(), now, eventId, input: input(email, locale) });
		}
		for (const email of ['a@example.org', 'b@example.org']) await confirmRegistration({ ctx: ctx(), now, token: await tokenFromMail(database.db, email) });
	});
	afterAll(() => database?.close());

	it('queues one mail per person of the chosen audience, in their language, and follows the delivery, retrying failures', async () => {
		const sent = await writeToRegistrants({ ctx: ctx(organiser), eventId, input: { sessionId: first, audience: 'confirmed', texts: { es: { subject: 'Cambio de sala', body: 'La sesión empieza diez minutos más tarde.' } } } });
		expect(sent.recipients).toBe(2);
		const mails = await database.db.select().from(outbox).where(eq(outbox.batchId, sent.id)).orderBy(asc(outbox.recipient));
		// Only Spanish was written: the Portuguese reader gets the whole mail in Spanish.
		expect(mails.map((m) => [m.recipient, m.body.split('\n')[0]])).toEqual([
			['a@example.org', 'Hola, a:'],
			['b@example.org', 'Hola, b:']
		]);
		expect(mails[0].body).toMatch(/http:\/\/localhost:3000\/registration\/[A-Za-z0-9_-]{32}/);

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

		const waiting = await writeToRegistrants({ ctx: ctx(organiser), eventId, input: { sessionId: null, audience: 'waitlist', texts: { es: { subject: 'Lista de espera', body: 'Seguimos atentos a las plazas que se liberen.' } } } });
		expect(waiting.recipients).toBe(1);
		await expect(writeToRegistrants({ ctx: ctx(organiser), eventId, input: { sessionId: null, audience: 'waitlist', texts: { es: { subject: 'x'.repeat(5), body: 'y'.repeat(20) } } } })).resolves.toMatchObject({ recipients: 1 });
		await expect(writeToRegistrants({ ctx: ctx(stranger), eventId, input: { sessionId: null, audience: 'active', texts: { es: { subject: 'Hola', body: 'Un mensaje cualquiera.' } } } })).rejects.toThrow(DomainError);
	});

	const mailsOf = async (batchId: string) =>
		(await database.db.select().from(outbox).where(eq(outbox.batchId, batchId)).orderBy(asc(outbox.recipient))).map((m) => [m.recipient, m.locale, m.subject.split(' · ')[0], m.body.split('\n')[0]]);

	it('sends each person the language they registered in, and Spanish when theirs was not written', async () => {
		const texts = {
			es: { subject: 'Cambio de sala', body: 'La sesión empieza diez minutos más tarde.' },
			pt: { subject: 'Mudança de sala', body: 'A sessão começa dez minutos mais tarde.' }
		};
		const sent = await writeToRegistrants({ ctx: ctx(organiser), eventId, input: { sessionId: first, audience: 'active', texts } });
		expect(sent.recipients).toBe(3);
		expect(await mailsOf(sent.id)).toEqual([
			['a@example.org', 'es', 'Cambio de sala', 'Hola, a:'],
			['b@example.org', 'pt', 'Mudança de sala', 'Olá, b:'],
			['c@example.org', 'es', 'Cambio de sala', 'Hola, c:']
		]);
		const withEnglish = await writeToRegistrants({
			ctx: ctx(organiser),
			eventId,
			input: { sessionId: first, audience: 'active', texts: { es: texts.es, en: { subject: 'Room change', body: 'The session starts ten minutes later.' } } }
		});
		expect(await mailsOf(withEnglish.id)).toEqual([
			['a@example.org', 'es', 'Cambio de sala', 'Hola, a:'],
			['b@example.org', 'es', 'Cambio de sala', 'Hola, b:'],
			['c@example.org', 'en', 'Room change', 'Hello c,']
		]);
	});

	it('writes to the people who attended, or did not attend, a session that is over', async () => {
		const [a] = await database.db.select({ id: registration.id }).from(registration).where(eq(registration.email, 'a@example.org'));
		await database.db.update(registrationSession).set({ checkedInAt: new Date() }).where(eq(registrationSession.registrationId, a.id));
		const texts = { es: { subject: 'Gracias', body: 'Gracias por venir a la sesión.' } };
		const later = new Date('2100-01-01T00:00:00Z');
		const attended = await writeToRegistrants({ ctx: ctx(organiser), eventId, now: later, input: { sessionId: first, audience: 'attended', texts } });
		expect((await mailsOf(attended.id)).map((r) => r[0])).toEqual(['a@example.org']);
		const missed = await writeToRegistrants({ ctx: ctx(organiser), eventId, now: later, input: { sessionId: first, audience: 'not_attended', texts } });
		// c is still unconfirmed and waiting: neither audience names them.
		expect((await mailsOf(missed.id)).map((r) => r[0])).toEqual(['b@example.org']);
		const everySession = await writeToRegistrants({ ctx: ctx(organiser), eventId, now: later, input: { sessionId: null, audience: 'not_attended', texts } });
		expect((await mailsOf(everySession.id)).map((r) => r[0])).toEqual(['b@example.org']);
		// Before the session is over, nobody has missed it yet.
		await expect(writeToRegistrants({ ctx: ctx(organiser), eventId, now: new Date('2000-01-01T00:00:00Z'), input: { sessionId: first, audience: 'not_attended', texts } })).rejects.toThrow(DomainError);
	});
});
