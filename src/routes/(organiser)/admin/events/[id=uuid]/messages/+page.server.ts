import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as v from 'valibot';
import { getRuntime } from '#lib/server/runtime.ts';
import { getEventForOrganiser } from '#lib/server/events/queries.ts';
import { guardEvent, organiserCtx, UUID } from '#lib/server/http/organiser.ts';
import { failFromDomain, formObject } from '#lib/server/http/forms.ts';
import { parseInput } from '#lib/server/validation.ts';
import { listBulkMessages, writeToRegistrants } from '#lib/server/registrations/messages.ts';
import { BULK_AUDIENCES } from '#lib/server/registrations/schema.ts';
import { pick } from '#lib/i18n/localized.ts';



export const load: PageServerLoad = async ({ params, locals, url }) => {
	guardEvent(locals, params.id);
	const { database, delivery } = await getRuntime();
	const ctx = { db: database.db, actor: locals.actor };
	const event = await getEventForOrganiser(database.db, params.id);
	if (!event) error(404, 'Not found');
	const l = locals.locale;
	const titles = new Map(event.sessions.map((s) => [s.id, pick(s.title, l).text]));
	const messages = await listBulkMessages(ctx, event.id);
	return {
		sent: url.searchParams.get('sent'),
		delivery,
		event: { id: event.id, title: pick(event.title, l) },
		sessions: event.sessions.map((s) => ({ id: s.id, title: titles.get(s.id)! })),
		messages: messages.map((msg) => ({
			id: msg.id,
			subject: msg.subject,
			session: msg.sessionId ? (titles.get(msg.sessionId) ?? '') : null,
			audience: msg.audience,
			recipients: msg.recipients,
			createdAt: msg.createdAt,
			createdBy: msg.createdBy,
			delivery: msg.delivery
		}))
	};
};

const schema = v.object({
	sessionId: v.pipe(v.string(), v.check((s) => s === '' || UUID.test(s), 'invalid')),
	audience: v.picklist(BULK_AUDIENCES, 'invalid'),
	subject: v.pipe(v.string(), v.trim(), v.minLength(3, 'required'), v.maxLength(200, 'too_long')),
	body: v.pipe(v.string(), v.trim(), v.minLength(10, 'required'), v.maxLength(10_000, 'too_long'))
});

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		guardEvent(locals, params.id);
		const values = formObject(await request.formData());
		const parsed = parseInput(schema, values);
		if (!parsed.ok) return fail(422, { values, errors: parsed.errors });
		const { database, registrations } = await getRuntime();
		try {
			await writeToRegistrants({
				ctx: { db: database.db, actor: locals.actor },
				env: registrations,
				eventId: params.id,
				input: { ...parsed.value, sessionId: parsed.value.sessionId || null }
			});
		} catch (e) {
			return failFromDomain(e, { values });
		}
		redirect(303, `${url.pathname}?sent=1#history`);
	}
};
