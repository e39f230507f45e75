import type { Actor } from '#lib/server/context.ts';
import type { Locale } from '#lib/i18n/localized.ts';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			locale: Locale;
			actor: Actor | null;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
