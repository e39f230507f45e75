import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canManagePeople, getRoleAssignment, revokePersonRole } from '#lib/server/auth/index.ts';
import { formAction } from '#lib/server/http/action.ts';

// Taking a role away is asked first: this page says what the person will no longer be able to do
// at that place; only its confirm post acts. A role beyond the reader's reach is a 404 (they learn
// nothing of it), and the last administrator is never removed (auth domain).
export const load: PageServerLoad = async ({ params, locals }) => {
	if (!canManagePeople(locals.ctx.actor)) error(403, 'Forbidden');
	const found = await getRoleAssignment(locals.ctx, params.assignmentId);
	if (!found) error(404, 'Not found');
	return {
		person: { name: found.person.name || found.person.email, email: found.person.email },
		role: found.role,
		last: found.last
	};
};

export const actions: Actions = {
	revoke: formAction({
		name: 'revoke',
		guard: ({ locals }) => {
			if (!canManagePeople(locals.ctx.actor)) error(403, 'Forbidden');
		},
		parse: (form, { params }) =>
			String(form.get('confirm') ?? '').toLowerCase() === params.assignmentId
				? { ok: true as const, value: params.assignmentId }
				: { ok: false as const, errors: { _: 'invalid' } },
		run: ({ ctx, input }) => revokePersonRole({ ctx, assignmentId: input }),
		done: (_, { url }) => `${url.pathname.replace(/\/remove\/[^/]+$/, '')}?done=revoked`
	})
};
