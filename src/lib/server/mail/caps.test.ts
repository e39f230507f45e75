// The caps on mails a visitor causes, at the doors where an anonymous request makes a mail:
// a practice draft's link and a sign-in link (registrations: registrations.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { ANONYMOUS } from '../context.ts';
import { testCtx, unique } from '../testing/factories.ts';
import { ensureAccount, magicLinkSchema, roleGrantSchema, sendSignInLink } from '../auth/index.ts';
import { draftByToken, parseBasics, startSubmission } from '../practices/index.ts';
import { CITY, practiceInput } from '../practices/testing.ts';
import { parseInput } from '../validation.ts';
import { practice } from '../practices/schema.ts';
import { outbox } from './schema.ts';
import { MAIL_CAPS } from './outbox.ts';

describe.each(testDatabases())('caps on mails a visitor causes on $name', ({ open }) => {
	let database: Database;
	beforeAll(async () => {
		database = await open();
	});
	afterAll(() => database?.close());
	const mailsTo = async (to: string) => (await database.db.select().from(outbox).where(eq(sql`lower(${outbox.recipient})`, to.toLowerCase()))).length;
	const start = (contactEmail: string, clientAddress: string) =>
		startSubmission({
			ctx: testCtx(database.db, ANONYMOUS, { clientAddress }),
			input: practiceInput({ title: `Ferias ${unique()}`, summary: 'Ferias en plazas.', geonamesIds: [CITY.canelones], contactName: 'Lucía', contactEmail, axes: [], startYear: null })
		});

	it('starts no draft, and mails no link, once an address got its share this hour', async () => {
		const to = `lucia-${unique()}@canelones.example`;
		for (let i = 0; i < MAIL_CAPS.perRecipient; i++) await start(to, `203.0.113.${i}`);
		const draftsBefore = (await database.db.select({ id: practice.id }).from(practice)).length;
		await expect(start(to, '203.0.113.200')).rejects.toMatchObject({ messageKey: 'mail_too_many' });
		expect(await mailsTo(to)).toBe(MAIL_CAPS.perRecipient);
		expect((await database.db.select({ id: practice.id }).from(practice)).length).toBe(draftsBefore);
	});

	it('starts no draft once one client made its share of mails this hour, whatever addresses it typed', async () => {
		const client = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
		const run = unique();
		for (let i = 0; i < MAIL_CAPS.perClient; i++) await start(`c${i}-${run}@example.org`, client);
		await expect(start(`over-${run}@example.org`, client)).rejects.toMatchObject({ messageKey: 'mail_too_many' });
		expect(await mailsTo(`over-${run}@example.org`)).toBe(0);
		// Someone else starting from another connection goes on.
		const { token } = await start(`over-${run}@example.org`, `${client}1`);
		expect(await draftByToken(testCtx(database.db), token)).not.toBeNull();
	});

	it('mails an account a few sign-in links an hour and then quietly no more', async () => {
		const email = `orga-${unique()}@münchen.de`;
		await ensureAccount({ ctx: testCtx(database.db), email: email.replace('münchen', 'xn--mnchen-3ya'), name: 'Orga' });
		const job = testCtx(database.db, { kind: 'system', job: 'sign-in-link' });
		for (let i = 0; i < MAIL_CAPS.perRecipient + 3; i++) await sendSignInLink({ ctx: job, email: email.replace('münchen', 'xn--mnchen-3ya'), url: `http://x/${i}` });
		// Quietly: the sign-in form answers the same for an address without an account.
		expect(await mailsTo(email.replace('münchen', 'xn--mnchen-3ya'))).toBe(MAIL_CAPS.perRecipient);
	});

	it('accepts an international domain in both spellings wherever an address is typed', () => {
		for (const typed of ['ana@münchen.de', 'ana@xn--mnchen-3ya.de', 'Ana@MÜNCHEN.de']) {
			expect(parseInput(magicLinkSchema, { email: typed })).toEqual({ ok: true, value: { email: 'ana@xn--mnchen-3ya.de' } });
			const grant = parseInput(roleGrantSchema, { email: typed, name: 'Ana', role: 'reviewer', eventId: '' });
			expect(grant.ok && grant.value.email).toBe('ana@xn--mnchen-3ya.de');
			const basics = parseBasics({ title: 'Ferias en plazas', summary: 'Ferias de emprendimientos en plazas.', language: 'es', articulation: 'municipal', contactName: 'Ana', contactEmail: typed, geonamesId: String(CITY.canelones) });
			expect(basics.errors).toEqual({});
			expect(basics.values?.contactEmail).toBe('ana@xn--mnchen-3ya.de');
		}
	});
});
