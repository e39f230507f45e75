import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { magicLink } from 'better-auth/plugins/magic-link';
import type { Db } from '../db/client.ts';
import { CLIENT_ADDRESS_HEADER } from '../http/client-address.ts';
import { authAccount, authSession, authUser, authVerification } from './schema.ts';

export interface AuthOptions {
	db: Db;
	/** The public origin, e.g. http://localhost:3000 or https://intercambio.example.org */
	baseURL: string;
	secret: string;
	/** Behind https: cookies get the Secure flag. */
	secureCookies: boolean;
	/** Deliver a magic link (the mail domain queues it in the outbox). */
	sendMagicLink: (data: { email: string; url: string }) => Promise<void>;
}

export { MAGIC_LINK_MINUTES } from '../../i18n/constants.ts';
import { MAGIC_LINK_MINUTES } from '../../i18n/constants.ts';

/**
 * Kept free of `$app/*` imports so tests and scripts can build the same auth.
 * Sign-in and magic links are called from our own form actions; Better Auth's HTTP
 * handler serves only the magic-link verification URL.
 */
export function createAuth(options: AuthOptions) {
	return betterAuth({
		appName: 'Intercambio',
		baseURL: options.baseURL,
		secret: options.secret,
		database: drizzleAdapter(options.db, {
			provider: 'pg',
			schema: { user: authUser, session: authSession, account: authAccount, verification: authVerification }
		}),
		emailAndPassword: {
			enabled: true,
			// Accounts are created by organisers or by magic link; nobody signs up with a password.
			disableSignUp: true,
			minPasswordLength: 12,
			maxPasswordLength: 128
		},
		session: {
			expiresIn: 60 * 60 * 24 * 7,
			updateAge: 60 * 60 * 24
		},
		// The same origin the request came in on is trusted (localhost vs 127.0.0.1 in development);
		// SvelteKit has already refused cross-site form posts before we get here.
		trustedOrigins: (request) => (request ? [new URL(request.url).origin] : []),
		advanced: {
			// Rate limits count per client address; only our own header is trusted for it
			// (set by the server from the socket or the configured proxy header), never X-Forwarded-For.
			ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
			useSecureCookies: options.secureCookies,
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' }
		},
		rateLimit: { enabled: true, window: 60, max: 30, storage: 'memory' },
		telemetry: { enabled: false },
		plugins: [
			magicLink({
				expiresIn: MAGIC_LINK_MINUTES * 60,
				// Only people an organiser has added (or the first organiser) get a link that works;
				// presenters and attendees act through their own private links, without an account.
				disableSignUp: true,
				sendMagicLink: ({ email, url }) => options.sendMagicLink({ email, url })
			})
		]
	});
}

export { CLIENT_ADDRESS_HEADER };

export type Auth = ReturnType<typeof createAuth>;
