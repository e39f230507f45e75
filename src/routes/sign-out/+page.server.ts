import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signOut } from '#lib/server/http/auth-api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		// The form carries nothing, but a malformed body is refused like on every other form (400).
		await request.formData();
		await signOut({ headers: request.headers, cookies });
		redirect(303, localizeHref('/'));
	}
};
