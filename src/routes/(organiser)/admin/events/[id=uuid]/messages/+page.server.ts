import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as v from 'valibot';
import { oneLine } from '#lib/server/validation.ts';
import { guardEvent, organisedEvent } from '#lib/server/http/organiser.ts';
import { formAction, type ActionSpec } from '#lib/server/http/action.ts';
import { formObject } from '#lib/server/http/forms.ts';
import { parseInput } from '#lib/server/validation.ts';
import { BULK_AUDIENCES, listBulkMessages, writeToRegistrants } from '#lib/server/registrations/index.ts';
import { pick } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const ctx = locals.ctx;
	const event = await organisedEvent(locals, params.id);
	const l = locals.locale;
	const titles = new Map(event.sessions.map((s) => [s.id, pick(s.title, l).text]));
	const messages = await listBulkMessages(ctx, event.id);
	return {
		sent: url.searchParams.get('sent'),
		delivery: ctx.delivery,
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
	sessionId: v.union([v.literal(''), v.pipe(v.string(), v.uuid('invalid'))], 'invalid'),
	audience: v.picklist(BULK_AUDIENCES, 'invalid'),
	subject: oneLine(200, 3),
	body: v.pipe(v.string(), v.trim(), v.minLength(10, 'required'), v.maxLength(10_000, 'too_long'))
});

/** This page's form action, typed with its own params. */
const action = <I, R>(spec: ActionSpec<I, R, RequestEvent>) => formAction<I, R, RequestEvent>(spec);

export const actions: Actions = {
	default: action({
		guard: (event) => guardEvent(event.locals, event.params.id),
		parse: (form) => parseInput(schema, formObject(form)),
		run: ({ ctx, input, event }) => writeToRegistrants({ ctx, eventId: event.params.id, input: { ...input, sessionId: input.sessionId || null } }),
		done: (_, { url }) => `${url.pathname}?sent=1#history`
	})
};
