import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canCreateNetwork, createNetwork, networkSchema } from '#lib/server/networks/index.ts';
import { formAction } from '#lib/server/http/action.ts';
import { formObject } from '#lib/server/http/forms.ts';
import { parseInput } from '#lib/server/validation.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

// Only the installation's administrators create networks; a network's organisers edit their own.
const guard = ({ locals }: { locals: App.Locals }) => {
	if (!canCreateNetwork(locals.ctx.actor)) error(403, 'Forbidden');
};

export const load: PageServerLoad = (event) => {
	guard(event);
	return {};
};

export const actions: Actions = {
	create: formAction({
		name: 'create',
		guard,
		parse: (form) => parseInput(networkSchema, formObject(form)),
		run: ({ ctx, input }) => createNetwork({ ctx, input }),
		done: (id) => localizeHref(`/admin/networks/${id}?saved=created`)
	})
};
