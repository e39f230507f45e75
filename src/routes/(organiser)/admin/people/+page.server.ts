import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canManagePeople, grantableScopes, grantPersonRole, isAdministrator, isValidScope, listPeople, roleGrantSchema } from '#lib/server/auth/index.ts';
import { formAction } from '#lib/server/http/action.ts';
import { formObject } from '#lib/server/http/forms.ts';
import { parseInput } from '#lib/server/validation.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!canManagePeople(locals.ctx.actor)) error(403, 'Forbidden');
	return {
		people: await listPeople(locals.ctx),
		scopes: await grantableScopes(locals.ctx),
		administrator: isAdministrator(locals.ctx.actor),
		notice: url.searchParams.get('done')
	};
};

export const actions: Actions = {
	// The auth domain checks the scope again and writes the invitation itself, in the organiser's language.
	grant: formAction({
		name: 'grant',
		guard: ({ locals }) => {
			if (!canManagePeople(locals.ctx.actor)) error(403, 'Forbidden');
		},
		parse: async (form, { locals }) => {
			const parsed = parseInput(roleGrantSchema, formObject(form));
			if (!parsed.ok) return parsed;
			const { role, networkId, eventId } = parsed.value;
			// Only the places the form offered this person: another network's exchange is not one of them.
			const scopes = await grantableScopes(locals.ctx);
			const offered = eventId
				? scopes.networks.some((n) => n.events.some((e) => e.id === eventId))
				: networkId
					? scopes.networks.some((n) => n.grant && n.id === networkId)
					: scopes.installation;
			if (!offered) return { ok: false as const, errors: { scope: 'invalid' } };
			if (!scopes.roles.includes(role)) return { ok: false as const, errors: { role: 'invalid' } };
			if (!isValidScope(parsed.value)) return { ok: false as const, errors: { scope: 'role_scope' } };
			return parsed;
		},
		run: ({ ctx, input }) => grantPersonRole({ ctx, input }),
		done: (result, { url }) => `${url.pathname}?done=${result.granted ? 'granted' : 'already'}`
	})
	// Taking a role away is confirmed first on remove/[assignmentId] (what the person loses).
};
