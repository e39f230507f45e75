import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { hasPassword, newPasswordSchema } from '#lib/server/auth/index.ts';
import { setPassword } from '#lib/server/http/auth-api.ts';
import { parseInput, type FieldErrors } from '#lib/server/validation.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) error(403, 'Forbidden');
	return {
		hasPassword: await hasPassword(locals.ctx, locals.user.userId),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	// Better Auth sets the password on the session's own account (no domain verb of ours to call).
	password: async ({ request, url }) => {
		const parsed = parseInput(newPasswordSchema, Object.fromEntries(await request.formData()));
		if (!parsed.ok) return fail(422, { errors: parsed.errors });
		const result = await setPassword({ newPassword: parsed.value.newPassword, headers: request.headers });
		if (result === 'too_short') return fail(422, { errors: { newPassword: 'password_short' } as FieldErrors });
		if (result !== 'ok') return fail(409, { errors: {} as FieldErrors, problem: result });
		redirect(303, `${url.pathname}?saved`);
	}
};
