import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Ctx } from '../context.ts';
import { testCtx } from '../testing/factories.ts';
import { CLIENT_ADDRESS_HEADER, createAuth, type Auth } from './auth.ts';
import { ensureAccount, ensureFirstOrganiser, sendSignInLink } from './commands.ts';
import { latestMagicLink, organisersAwaitingFirstSignIn } from './queries.ts';
import { userFromRequest } from './session.ts';
import { canManageEvent, isOrganiser } from './rules.ts';
import { magicLinkMail } from './mails.ts';

const ORIGIN = 'http://localhost:3999';
// Each verification comes from its own address, as separate people's browsers would.
let address = 0;
const nextAddress = () => `192.0.2.${++address}`;

describe.each(testDatabases())('accounts on $name', ({ open }) => {
	let database: Database;
	let auth: Auth;
	let ctx: Ctx;
	beforeAll(async () => {
		database = await open();
		ctx = testCtx(database.db, { kind: 'system', job: 'seed' });
		auth = createAuth({
			db: database.db,
			baseURL: ORIGIN,
			secret: 'a-test-secret-that-is-long-enough-0123456789',
			secureCookies: false,
			sendMagicLink: ({ email, url }) => sendSignInLink({ ctx: testCtx(database.db, { kind: 'system', job: 'sign-in-link' }, { locale: 'pt' }), email, url })
		});
	});
	afterAll(() => database?.close());

	it('makes the first organiser once, who signs in by a one-time link and is recognised', async () => {
		expect(await ensureFirstOrganiser(ctx, 'first@example.org')).toEqual({ created: true });
		expect(await ensureFirstOrganiser(ctx, 'second@example.org')).toEqual({ created: false });
		expect((await organisersAwaitingFirstSignIn(ctx)).map((o) => o.email)).toEqual(['first@example.org']);

		await auth.api.signInMagicLink({ body: { email: 'first@example.org', callbackURL: '/admin' }, headers: new Headers({ origin: ORIGIN }) });
		const link = await latestMagicLink(ctx, 'first@example.org');
		expect(link).toMatch(new RegExp(`^${ORIGIN}/api/auth/magic-link/verify\\?token=`));

		const response = await auth.handler(new Request(link!, { headers: { origin: ORIGIN, [CLIENT_ADDRESS_HEADER]: nextAddress() } }));
		expect(response.status).toBe(302);
		expect(response.headers.get('location')).toBe(`${ORIGIN}/admin`);
		const cookie = response.headers.get('set-cookie')!.split(';')[0];
		expect(cookie).toMatch(/^better-auth\.session_token=/);

		const actor = await userFromRequest({ auth, database }, new Headers({ cookie }));
		expect(actor?.email).toBe('first@example.org');
		expect(isOrganiser(actor)).toBe(true);
		expect(canManageEvent(actor, '00000000-0000-0000-0000-000000000001')).toBe(true);
		expect(await organisersAwaitingFirstSignIn(ctx)).toEqual([]);

		// A link works once.
		const again = await auth.handler(new Request(link!, { headers: { origin: ORIGIN, [CLIENT_ADDRESS_HEADER]: nextAddress() } }));
		expect(again.headers.get('set-cookie') ?? '').not.toMatch(/session_token=[^;]+;/);
	});

	it('writes the sign-in mail in the reader language', async () => {
		const mail = magicLinkMail({ to: 'a@example.org', url: 'http://x/y', locale: 'pt' });
		expect(mail.subject).toBe('Seu link para entrar no Intercâmbio');
		expect(mail.body).toContain('http://x/y');
		expect(mail.body).toContain('15 minutos');
	});

	it('gives a person without a role no organiser rights and an anonymous visitor no session', async () => {
		await ensureAccount({ ctx, email: 'nobody@example.org', name: 'Nobody' });
		await auth.api.signInMagicLink({ body: { email: 'nobody@example.org', callbackURL: '/admin' }, headers: new Headers({ origin: ORIGIN }) });
		const link = await latestMagicLink(ctx, 'nobody@example.org');
		const response = await auth.handler(new Request(link!, { headers: { origin: ORIGIN, [CLIENT_ADDRESS_HEADER]: nextAddress() } }));
		const cookie = response.headers.get('set-cookie')!.split(';')[0];
		const actor = await userFromRequest({ auth, database }, new Headers({ cookie }));
		expect(actor?.roles).toEqual([]);
		expect(isOrganiser(actor)).toBe(false);
		expect(await userFromRequest({ auth, database }, new Headers())).toBeNull();
		// Only signed-in users hold roles: a job, a registrant or a visitor manages nothing.
		for (const other of [{ kind: 'system', job: 'seed' }, { kind: 'registrant', registrationId: 'r' }, { kind: 'anonymous' }] as const) {
			expect([isOrganiser(other), canManageEvent(other, '00000000-0000-0000-0000-000000000001')]).toEqual([false, false]);
		}
	});

	it('refuses a wrong password and never lets anyone sign up with one', async () => {
		await expect(
			auth.api.signInEmail({ body: { email: 'first@example.org', password: 'wrong-password-123' }, headers: new Headers({ origin: ORIGIN }) })
		).rejects.toMatchObject({ statusCode: 401 });
		await expect(
			auth.api.signUpEmail({ body: { email: 'intruder@example.org', password: 'a-long-password-123', name: 'I' }, headers: new Headers({ origin: ORIGIN }) })
		).rejects.toMatchObject({ statusCode: 400 });
	});
});

describe('sign-in link verification', () => {
	it('is rate limited per client address, and X-Forwarded-For cannot dodge it', async () => {
		const [{ open }] = testDatabases();
		const database = await open();
		try {
			const auth = createAuth({
				db: database.db,
				baseURL: ORIGIN,
				secret: 'a-test-secret-that-is-long-enough-0123456789',
				secureCookies: false,
				sendMagicLink: async () => {}
			});
			const statuses: number[] = [];
			for (let i = 0; i < 12; i++) {
				const response = await auth.handler(
					new Request(`${ORIGIN}/api/auth/magic-link/verify?token=guess${i}&callbackURL=/admin`, {
						headers: { origin: ORIGIN, [CLIENT_ADDRESS_HEADER]: '198.51.100.7', 'x-forwarded-for': `203.0.113.${i}` }
					})
				);
				statuses.push(response.status);
			}
			expect(statuses).toContain(429);
		} finally {
			await database.close();
		}
	});
});
