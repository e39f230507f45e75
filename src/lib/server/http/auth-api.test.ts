import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { testCtx, unique } from '../testing/factories.ts';
import { createAuth, ensureAccount, type Auth } from '../auth/index.ts';
import { authAccount, authSession } from '../auth/schema.ts';
import { outbox } from '../mail/schema.ts';
import { CLIENT_ADDRESS_HEADER } from './client-address.ts';
import { signInWithPassword } from './auth-api.ts';

// The app's runtime (SvelteKit's $app/env) is not here: the test hands its own Better Auth in.
vi.mock('../runtime.ts', () => ({ getRuntime: () => Promise.reject(new Error('no runtime in tests')) }));

const ORIGIN = 'http://localhost:3998';
const PASSWORD = 'a long and right password';
const jar = () => ({ set: () => {} });

describe.each(testDatabases())('signing in with a password on $name', ({ open }) => {
	let database: Database;
	let auth: Auth;
	beforeAll(async () => {
		database = await open();
		auth = createAuth({ db: database.db, baseURL: ORIGIN, secret: 'a-test-secret-that-is-long-enough-0123456789', secureCookies: false, sendMagicLink: async () => {} });
	});
	afterAll(() => database?.close());

	async function person() {
		const email = `p-${unique()}@example.org`;
		const ctx = testCtx(database.db);
		const userId = await ensureAccount({ ctx, email, name: 'P' });
		await database.db.insert(authAccount).values({ id: crypto.randomUUID(), accountId: userId, providerId: 'credential', userId, password: await hashPassword(PASSWORD) });
		return { email, userId, ctx };
	}
	const attempt = (p: { email: string; ctx: ReturnType<typeof testCtx> }, password: string, headers: Record<string, string> = {}) =>
		signInWithPassword(
			{ ctx: p.ctx, email: p.email, password, headers: new Headers({ origin: ORIGIN, ...headers }), clientAddress: '192.0.2.80', cookies: jar() },
			auth
		);

	it('stores the address the server saw as the session IP, never one the client sent in our header', async () => {
		const p = await person();
		expect(await attempt(p, PASSWORD, { [CLIENT_ADDRESS_HEADER]: '6.6.6.6' })).toEqual({ status: 'ok' });
		const sessions = await database.db.select({ ip: authSession.ipAddress }).from(authSession).where(eq(authSession.userId, p.userId));
		expect(sessions).toEqual([{ ip: '192.0.2.80' }]);
	});

	it('locks an account after five wrong passwords from any address, tells its owner once, refuses even the right one', async () => {
		const p = await person();
		const results = [];
		for (let i = 0; i < 5; i++) results.push((await attempt(p, `wrong password ${i}!`)).status);
		expect(results).toEqual(['wrong_credentials', 'wrong_credentials', 'wrong_credentials', 'wrong_credentials', 'locked']);
		expect(await attempt(p, PASSWORD)).toMatchObject({ status: 'locked' });
		expect(await attempt(p, 'still wrong, again')).toMatchObject({ status: 'locked' });
		const mails = await database.db
			.select({ template: outbox.template, locale: outbox.locale, subject: outbox.subject })
			.from(outbox)
			.where(and(eq(outbox.recipient, p.email), eq(outbox.template, 'account-locked')));
		expect(mails).toEqual([{ template: 'account-locked', locale: 'es', subject: expect.stringContaining('bloqueamos') }]);
		// Someone else's account is untouched.
		const other = await person();
		expect(await attempt(other, PASSWORD)).toEqual({ status: 'ok' });
	});

	it('tells nobody when the address has no account', async () => {
		const ctx = testCtx(database.db);
		const email = `nobody-${unique()}@example.org`;
		for (let i = 0; i < 5; i++) await attempt({ email, ctx }, 'not a password at all');
		expect(await database.db.select().from(outbox).where(eq(outbox.recipient, email))).toEqual([]);
	});
});
