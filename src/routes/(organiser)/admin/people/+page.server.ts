import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { canManagePeople } from '#lib/server/auth/rules.ts';
import { grantPersonRole, listPeople, revokePersonRole } from '#lib/server/auth/people.ts';
import { roleGrantSchema } from '#lib/server/auth/input.ts';
import { listEventsForOrganiser } from '#lib/server/events/queries.ts';
import { roleInvitationMail } from '#lib/server/mail/templates.ts';
import { failFromDomain, formObject } from '#lib/server/http/forms.ts';
import { parseInput } from '#lib/server/validation.ts';
import { pick } from '#lib/i18n/localized.ts';
import { roleLabel } from '#lib/i18n/labels.ts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale, localizeHref } from '#lib/paraglide/runtime.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function eventTitles(actor: NonNullable<App.Locals['actor']>) {
	const { database } = await getRuntime();
	const events = await listEventsForOrganiser(database.db, actor);
	return events.map((e) => ({ id: e.id, title: pick(e.title, getLocale()) }));
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!canManagePeople(locals.actor)) error(403, 'Forbidden');
	const { database } = await getRuntime();
	return {
		people: await listPeople(database.db),
		events: await eventTitles(locals.actor!),
		notice: url.searchParams.get('done')
	};
};

export const actions: Actions = {
	grant: async ({ locals, request, url }) => {
		const values = formObject(await request.formData());
		const parsed = parseInput(roleGrantSchema, values);
		if (!parsed.ok) return fail(422, { action: 'grant', values, errors: parsed.errors });
		const { database, delivery, config } = await getRuntime();
		const input = parsed.value;
		// The person's language is not known yet: write to them in the organiser's.
		const locale = getLocale();
		const events = await eventTitles(locals.actor!);
		const scope = input.eventId
			? (events.find((e) => e.id === input.eventId)?.title.text ?? '')
			: m.admin_people_scope_all({}, { locale });
		if (input.eventId && !scope) return fail(422, { action: 'grant', values, errors: { eventId: 'invalid' } });
		try {
			const result = await grantPersonRole({
				ctx: { db: database.db, actor: locals.actor },
				input,
				delivery,
				invitation: (to) =>
					roleInvitationMail({
						to,
						role: roleLabel(input.role, locale),
						scope,
						signInUrl: new URL(localizeHref('/sign-in', { locale }), config.origin).toString(),
						locale
					})
			});
			redirect(303, `${url.pathname}?done=${result.granted ? 'granted' : 'already'}`);
		} catch (e) {
			return failFromDomain(e, { action: 'grant', values });
		}
	},
	revoke: async ({ locals, request, url }) => {
		const id = String((await request.formData()).get('assignmentId') ?? '');
		if (!UUID.test(id)) return fail(404, { action: 'revoke', errors: { _: 'not_found' } });
		const { database } = await getRuntime();
		try {
			await revokePersonRole({ ctx: { db: database.db, actor: locals.actor }, assignmentId: id });
		} catch (e) {
			return failFromDomain(e, { action: 'revoke' });
		}
		redirect(303, `${url.pathname}?done=revoked`);
	}
};
