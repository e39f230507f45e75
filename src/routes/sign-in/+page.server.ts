import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseInput, type FieldErrors } from '#lib/server/validation.ts';
import { magicLinkSchema, passwordSignInSchema } from '#lib/server/auth/index.ts';
import { requestMagicLink, signInWithPassword } from '#lib/server/http/auth-api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, localizeHref('/admin'));
	return { linkError: url.searchParams.has('error') };
};

// Better Auth signs people in; these actions only parse the form and carry its cookies over.
// The body was checked by the hooks (request-guard.ts); the address is the socket's, never a header a client sent.
export const actions: Actions = {
	password: async ({ request, cookies, locals, getClientAddress }) => {
		const form = Object.fromEntries(await request.formData());
		const parsed = parseInput(passwordSignInSchema, form);
		const email = String(form.email ?? '');
		if (!parsed.ok) return fail(422, { action: 'password', email, errors: parsed.errors });
		const result = await signInWithPassword({ ...parsed.value, ctx: locals.ctx, headers: request.headers, clientAddress: getClientAddress(), cookies });
		if (result.status === 'locked') {
			return fail(429, { action: 'password', email, errors: {} as FieldErrors, lockedMinutes: Math.ceil(result.seconds / 60) });
		}
		if (result.status !== 'ok') return fail(400, { action: 'password', email, errors: {} as FieldErrors, credentials: true });
		redirect(303, localizeHref('/admin'));
	},
	link: async ({ request, getClientAddress }) => {
		const form = Object.fromEntries(await request.formData());
		const parsed = parseInput(magicLinkSchema, form);
		const email = String(form.email ?? '');
		if (!parsed.ok) return fail(422, { action: 'link', email, errors: parsed.errors });
		await requestMagicLink({
			email: parsed.value.email,
			callbackPath: localizeHref('/admin'),
			errorPath: localizeHref('/sign-in?error=link'),
			headers: request.headers,
			clientAddress: getClientAddress()
		});
		return { action: 'link', sent: true, email: '' };
	}
};
