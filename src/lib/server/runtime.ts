import { building } from '$app/env';
import { openDatabase, type Database } from './db/client.ts';
import { loadConfig, type Config } from './config.ts';
import { ANONYMOUS, type Actor, type AppEnv, type Ctx } from './context.ts';
import type { Locale } from '../i18n/localized.ts';
import { host } from './host.ts';
import { getLocale } from '../paraglide/runtime.js';
import { isLocale } from '../i18n/localized.ts';
import { createAuth, type Auth } from './auth/auth.ts';
import { ensureFirstOrganiser, latestMagicLink, organisersAwaitingFirstSignIn, sendSignInLink } from './auth/index.ts';
import { seedDemoContent } from './demo/index.ts';
import { smtpTransport, startMailWorker } from './mail/worker.ts';
import { startReminderScheduler } from './registrations/index.ts';
import { log } from './log.ts';
import { openCacheChannel } from './http/cache-channel.ts';
import { invalidatePageCache, lookupRaw, onLocalWrite } from './http/page-cache.ts';
import { useDatabaseForRateLimits } from './http/rate-limit.ts';

export interface Runtime {
	config: Config;
	database: Database;
	auth: Auth;
	/** What every Ctx carries besides db, actor and locale. */
	env: AppEnv;
	/** A domain context for this request or job. */
	ctx(actor?: Actor, locale?: Locale): Ctx;
}

let current: Promise<Runtime> | null = null;

/** The request's language when there is a request (outside one, Paraglide has none to give). */
function requestLocale(): Locale {
	try {
		const locale = getLocale();
		return isLocale(locale) ? locale : 'es';
	} catch {
		return 'es';
	}
}
const stops: (() => Promise<void>)[] = [];

async function start(): Promise<Runtime> {
	// Parsed once: by server.js when it runs the app, by us only under `vite dev`.
	const config = host().config ?? loadConfig(process.env);
	const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
	const env: AppEnv = {
		origin: config.origin,
		secret: config.secret,
		delivery: config.smtpUrl ? 'smtp' : 'outbox-only',
		dataDir: config.dataDir,
		mailCapPerClient: config.mailCapPerClient
	};
	const ctx = (actor: Actor = ANONYMOUS, locale: Locale = 'es'): Ctx => ({ ...env, db: database.db, actor, locale });
	const auth = createAuth({
		db: database.db,
		baseURL: config.origin,
		secret: config.secret,
		secureCookies: config.secureCookies,
		// In the language of the sign-in page the person used (Paraglide's request-scoped locale).
		sendMagicLink: ({ email, url }) => sendSignInLink({ ctx: ctx({ kind: 'system', job: 'sign-in-link' }, requestLocale()), email, url })
	});

	await seedDemoContent(ctx({ kind: 'system', job: 'seed' }), log);
	await ensureFirstOrganiser(ctx({ kind: 'system', job: 'seed' }), config.organiserEmail);

	if (config.smtpUrl) stops.push(startMailWorker(database.db, await smtpTransport(config.smtpUrl, config.mailFrom), log).stop);

	if (config.databaseUrl) {
		const channel = await openCacheChannel(config.databaseUrl, () => invalidatePageCache({ announce: false }));
		onLocalWrite(() => void channel.broadcast().catch((error) => log.warn({ err: String(error) }, 'cache broadcast failed')));
		stops.push(() => channel.close().catch(() => {}));
	}

	useDatabaseForRateLimits(database.db);

	// Every instance looks for due reminders; the outbox's idempotency keys send each one once.
	stops.push(startReminderScheduler(ctx({ kind: 'system', job: 'registration-round' }), log).stop);

	const runtime: Runtime = { config, database, auth, env, ctx };
	await printFirstSignInLinks(runtime);
	log.info({ database: database.kind, mail: env.delivery }, 'Intercambio ready');
	return runtime;
}

/** No default credentials: an organiser who never signed in gets a fresh one-time link at each start. */
async function printFirstSignInLinks(runtime: Runtime) {
	const waiting = await organisersAwaitingFirstSignIn(runtime.ctx());
	for (const organiser of waiting) {
		await runtime.auth.api.signInMagicLink({
			body: { email: organiser.email, callbackURL: '/admin', errorCallbackURL: '/sign-in?error=link' },
			headers: new Headers({ origin: runtime.config.origin })
		});
		const link = await latestMagicLink(runtime.ctx(), organiser.email);
		if (link) {
			process.stdout.write(
				`\nFirst organiser (${organiser.email}): sign in within 15 minutes with this one-time link:\n  ${link}\n` +
					`(Restart the app for a new link. Set a password under "My account" afterwards.)\n\n`
			);
		}
	}
}

export function getRuntime(): Promise<Runtime> {
	if (building) throw new Error('The runtime is not available while building.');
	current ??= start().catch((error) => {
		current = null;
		throw error;
	});
	return current;
}

export async function stopRuntime(): Promise<void> {
	if (!current) return;
	const runtime = await current.catch(() => null);
	current = null;
	for (const stop of stops.splice(0).reverse()) await stop();
	await runtime?.database.close();
}

/** What server.js needs from the app: how to stop it, and the page cache to answer hits from. */
export function registerWithHost(): void {
	const bridge = host();
	bridge.shutdown = stopRuntime;
	bridge.lookupCache = lookupRaw;
}
