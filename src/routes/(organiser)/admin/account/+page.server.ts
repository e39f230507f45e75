import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { hasPassword } from '#lib/server/auth/roles.ts';
import { setPassword } from '#lib/server/auth/sign-in.ts';
import { newPasswordSchema } from '#lib/server/auth/input.ts';
import { parseInput, type FieldErrors } from '#lib/server/validation.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { database } = await getRuntime();
	return {
		hasPassword: await hasPassword(database.db, locals.actor!.userId),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	password: async ({ request, url }) => {
		const parsed = parseInput(newPasswordSchema, Object.fromEntries(await request.formData()));
		if (!parsed.ok) return fail(422, { errors: parsed.errors });
		const { auth } = await getRuntime();
		const result = await setPassword(auth, { newPassword: parsed.value.newPassword, headers: request.headers });
		if (result === 'too_short') return fail(422, { errors: { newPassword: 'password_short' } as FieldErrors });
		if (result !== 'ok') return fail(409, { errors: {} as FieldErrors, problem: result });
		redirect(303, `${url.pathname}?saved`);
	}
};
