import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { signOut } from '#lib/server/auth/sign-in.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const { auth } = await getRuntime();
		await signOut(auth, { headers: request.headers, cookies });
		redirect(303, localizeHref('/'));
	}
};
