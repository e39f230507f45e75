import { building } from '$app/env';
import * as env from '$app/env/private';
import { openDatabase, type Database } from './db/client.ts';
import { resolveSecret, type Config } from './config.ts';
import { createAuth, type Auth } from './auth/auth.ts';
import { ensureFirstOrganiser, latestMagicLink } from './auth/bootstrap.ts';
import { organisersAwaitingFirstSignIn } from './auth/roles.ts';
import { signInLinkSender } from './auth/people.ts';
import { seedDemoExchange } from './events/demo.ts';
import { seedDemoPractices } from './practices/demo.ts';
import { enqueueMail, type MailMessage } from './mail/outbox.ts';
import { magicLinkMail } from './mail/templates.ts';
import { smtpTransport, startMailWorker } from './mail/worker.ts';
import { startReminderScheduler } from './registrations/reminders.ts';
import type { RegistrationEnv } from './registrations/commands.ts';
import { log } from './log.ts';
import { openCacheChannel } from './http/cache-channel.ts';
import { invalidatePageCache, onLocalWrite } from './http/page-cache.ts';
import { useDatabaseForRateLimits } from './http/rate-limit.ts';
import { getLocale } from '../paraglide/runtime.js';

export interface Runtime {
	config: Config;
	database: Database;
	auth: Auth;
	sendMail(message: MailMessage): Promise<void>;
	/** Whether mail leaves through SMTP or stays in the outbox. */
	delivery: 'smtp' | 'outbox-only';
	/** What registration verbs need to write links and mails. */
	registrations: RegistrationEnv;
}

let current: Promise<Runtime> | null = null;
let stopWorker: (() => Promise<void>) | null = null;
let stopChannel: (() => Promise<void>) | null = null;
let stopReminders: (() => Promise<void>) | null = null;

function readConfig(): Config {
	const port = env.PORT as number;
	const origin = (env.ORIGIN as string | undefined) ?? `http://localhost:${port}`;
	const dataDir = env.DATA_DIR as string;
	const databaseUrl = env.DATABASE_URL as string | undefined;
	return {
		port,
		origin,
		dataDir,
		databaseUrl,
		smtpUrl: env.SMTP_URL as string | undefined,
		mailFrom: env.MAIL_FROM as string,
		secret: resolveSecret({ secret: env.AUTH_SECRET as string | undefined, databaseUrl, dataDir }),
		organiserEmail: (env.ORGANISER_EMAIL as string | undefined) ?? 'organiser@intercambio.localhost',
		secureCookies: origin.startsWith('https://') || !!process.env.PROTOCOL_HEADER
	};
}

async function start(): Promise<Runtime> {
	const config = readConfig();
	const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
	const delivery = config.smtpUrl ? 'smtp' : 'outbox-only';
	const sendMail = async (message: MailMessage) => {
		await enqueueMail(database.db, message, delivery);
	};
	const auth = createAuth({
		db: database.db,
		baseURL: config.origin,
		secret: config.secret,
		secureCookies: config.secureCookies,
		sendMagicLink: signInLinkSender(database.db, (to, url) => sendMail(magicLinkMail({ to, url, locale: getLocale() })))
	});

	const seeded = await seedDemoExchange(database.db);
	if (seeded.created) log.info({ eventId: seeded.eventId }, 'demo exchange seeded');
	const practices = await seedDemoPractices(database.db);
	if (practices.created) log.info({ practices: practices.created }, 'demo practices seeded');
	await ensureFirstOrganiser(database.db, config.organiserEmail);

	if (config.smtpUrl) {
		const worker = startMailWorker(database.db, await smtpTransport(config.smtpUrl, config.mailFrom), log);
		stopWorker = worker.stop;
	}

	if (config.databaseUrl) {
		const channel = await openCacheChannel(config.databaseUrl, () => invalidatePageCache({ announce: false }));
		onLocalWrite(() => void channel.broadcast().catch((error) => log.warn({ err: String(error) }, 'cache broadcast failed')));
		stopChannel = channel.close;
	}

	useDatabaseForRateLimits(database.db);

	const registrations: RegistrationEnv = { secret: config.secret, origin: config.origin, delivery };
	// Every instance looks for due reminders; the outbox's idempotency keys send each one once.
	stopReminders = startReminderScheduler(database.db, registrations, log).stop;

	const runtime: Runtime = { config, database, auth, sendMail, delivery, registrations };
	await printFirstSignInLinks(runtime);
	log.info({ database: database.kind, mail: delivery }, 'Intercambio ready');
	return runtime;
}

/** No default credentials: an organiser who never signed in gets a fresh one-time link at each start. */
async function printFirstSignInLinks(runtime: Runtime) {
	const waiting = await organisersAwaitingFirstSignIn(runtime.database.db);
	for (const organiser of waiting) {
		await runtime.auth.api.signInMagicLink({
			body: { email: organiser.email, callbackURL: '/admin', errorCallbackURL: '/sign-in?error=link' },
			headers: new Headers({ origin: runtime.config.origin })
		});
		const link = await latestMagicLink(runtime.database.db, organiser.email);
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
	await stopWorker?.();
	await stopReminders?.();
	await stopChannel?.().catch(() => {});
	await runtime?.database.close();
}
