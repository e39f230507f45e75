// Factories for tests that need registrants (registrations, attendance, certificates, survey):
// they go through the domain's verbs, and read the private link back from the outbox as a
// person would from their mail.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Ctx } from '../context.ts';
import { testCtx } from '../testing/factories.ts';
import { seedDemoExchange } from '../demo/index.ts';
import { eventSession } from '../events/schema.ts';
import { outbox } from '../mail/schema.ts';
import { register, type RegistrationInput } from './register.ts';
import { confirmRegistration } from './private-page.ts';

/** A valid registration of Ana Pereira from Montevideo; tests give the sessions and override what they are about. */
export function registrationInput(overrides: Partial<RegistrationInput> & Pick<RegistrationInput, 'sessionIds'>): RegistrationInput {
	return {
		name: 'Ana Pereira',
		email: 'ana@example.org',
		country: 'UY',
		city: 'Montevideo',
		geonamesId: null,
		institution: 'Intendencia',
		institutionType: 'local_government',
		role: '',
		answers: {},
		locale: 'es',
		timeZone: 'America/Montevideo',
		...overrides
	};
}

/** The private token, read back from the link in the first mail of this template to this address. */
export async function tokenFromMail(db: Db, to: string, template = 'registration-confirm'): Promise<string> {
	const [mail] = await db
		.select({ body: outbox.body })
		.from(outbox)
		.where(and(eq(outbox.recipient, to), eq(outbox.template, template)))
		.orderBy(asc(outbox.createdAt));
	const match = /\/registration\/([A-Za-z0-9_-]{32})/.exec(mail?.body ?? '');
	if (!match) throw new Error(`no ${template} link for ${to}`);
	return match[1];
}

/** Register someone and confirm from the link in their mail; returns their private token. */
export async function confirmedRegistrant({ ctx, eventId, input, now }: { ctx: Ctx; eventId: string; input: RegistrationInput; now: Date }): Promise<string> {
	await register({ ctx, now, eventId, input });
	const token = await tokenFromMail(ctx.db, input.email);
	await confirmRegistration({ ctx, now, token });
	return token;
}

/** The demo exchange, seeded as the seeder does it, and its session ids in order of start. */
export async function demoExchangeWithSessions(db: Db): Promise<{ eventId: string; sessionIds: string[] }> {
	const eventId = (await seedDemoExchange(testCtx(db, { kind: 'system', job: 'seed' }))).eventId!;
	const sessions = await db.select({ id: eventSession.id }).from(eventSession).where(eq(eventSession.eventId, eventId)).orderBy(asc(eventSession.startsAt));
	return { eventId, sessionIds: sessions.map((s) => s.id) };
}
