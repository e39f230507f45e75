import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canManagePeople, listPeople, revokePersonRole } from '#lib/server/auth/index.ts';
import { listEventsForOrganiser } from '#lib/server/events/index.ts';
import { formAction } from '#lib/server/http/action.ts';
import { pick } from '#lib/i18n/localized.ts';

// Taking a role away is asked first: this page says what the person will no longer be able to do;
// only its confirm post acts. The last installation-wide organiser is never removed (auth domain).
export const load: PageServerLoad = async ({ params, locals }) => {
	if (!canManagePeople(locals.ctx.actor)) error(403, 'Forbidden');
	const people = await listPeople(locals.ctx);
	const person = people.find((p) => p.roles.some((r) => r.assignmentId === params.assignmentId));
	const role = person?.roles.find((r) => r.assignmentId === params.assignmentId);
	if (!person || !role) error(404, 'Not found');
	const event = role.eventId ? (await listEventsForOrganiser(locals.ctx)).find((e) => e.id === role.eventId) : undefined;
	const installationOrganisers = people.flatMap((p) => p.roles).filter((r) => r.role === 'organiser' && r.eventId === null).length;
	return {
		person: { name: person.name || person.email, email: person.email },
		role: { id: role.assignmentId, role: role.role, wholeInstallation: role.eventId === null },
		event: event ? pick(event.title, locals.locale) : null,
		last: role.role === 'organiser' && role.eventId === null && installationOrganisers <= 1
	};
};

export const actions: Actions = {
	revoke: formAction({
		name: 'revoke',
		parse: (form, { params }) =>
			String(form.get('confirm') ?? '').toLowerCase() === params.assignmentId
				? { ok: true as const, value: params.assignmentId }
				: { ok: false as const, errors: { _: 'invalid' } },
		run: ({ ctx, input }) => revokePersonRole({ ctx, assignmentId: input }),
		done: (_, { url }) => `${url.pathname.replace(/\/remove\/[^/]+$/, '')}?done=revoked`
	})
};
