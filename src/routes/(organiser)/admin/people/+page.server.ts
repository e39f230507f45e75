import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canManagePeople, grantPersonRole, listPeople, roleGrantSchema } from '#lib/server/auth/index.ts';
import { listEventsForOrganiser } from '#lib/server/events/index.ts';
import { formAction } from '#lib/server/http/action.ts';
import { formObject } from '#lib/server/http/forms.ts';
import { parseInput } from '#lib/server/validation.ts';
import type { Ctx } from '#lib/server/context.ts';
import { pick } from '#lib/i18n/localized.ts';

async function eventTitles(ctx: Ctx) {
	const events = await listEventsForOrganiser(ctx);
	return events.map((e) => ({ id: e.id, title: pick(e.title, ctx.locale) }));
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!canManagePeople(locals.ctx.actor)) error(403, 'Forbidden');
	return {
		people: await listPeople(locals.ctx),
		events: await eventTitles(locals.ctx),
		notice: url.searchParams.get('done')
	};
};

export const actions: Actions = {
	// The auth domain writes the invitation itself, in the organiser's language.
	grant: formAction({
		name: 'grant',
		parse: async (form, { locals }) => {
			const parsed = parseInput(roleGrantSchema, formObject(form));
			if (!parsed.ok || !parsed.value.eventId) return parsed;
			const events = await eventTitles(locals.ctx);
			return events.some((e) => e.id === parsed.value.eventId) ? parsed : { ok: false as const, errors: { eventId: 'invalid' } };
		},
		run: ({ ctx, input }) => grantPersonRole({ ctx, input }),
		done: (result, { url }) => `${url.pathname}?done=${result.granted ? 'granted' : 'already'}`
	})
	// Taking a role away is confirmed first on remove/[assignmentId] (what the person loses).
};
