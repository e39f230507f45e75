import type { Ctx, User } from '#lib/server/context.ts';
import type { Locale } from '#lib/i18n/localized.ts';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			locale: Locale;
			/** The signed-in person, or null for an anonymous visitor. */
			user: User | null;
			/** What a route hands to every domain verb and query: db, actor, locale, public origin. */
			ctx: Ctx;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
