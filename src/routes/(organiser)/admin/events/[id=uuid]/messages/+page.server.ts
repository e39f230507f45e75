import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as v from 'valibot';
import { oneLine } from '#lib/server/validation.ts';
import { guardEvent, organisedEvent } from '#lib/server/http/organiser.ts';
import { formAction, type ActionSpec } from '#lib/server/http/action.ts';
import { formObject } from '#lib/server/http/forms.ts';
import { parseInput } from '#lib/server/validation.ts';
import { BULK_AUDIENCES, listBulkMessages, writeToRegistrants, type BulkInput } from '#lib/server/registrations/index.ts';
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

const body = v.pipe(v.string('required'), v.trim(), v.minLength(10, 'required'), v.maxLength(10_000, 'too_long'));
const base = v.object({
	sessionId: v.union([v.literal(''), v.pipe(v.string(), v.uuid('invalid'))], 'invalid'),
	audience: v.picklist(BULK_AUDIENCES, 'invalid'),
	subject_es: oneLine(200, 3),
	body_es: body
});

function parse(form: FormData) {
	const data = formObject(form);
	const first = parseInput(base, data);
	const errors: Record<string, string> = first.ok ? {} : { ...first.errors };
	const texts: BulkInput['texts'] = first.ok ? { es: { subject: first.value.subject_es, body: first.value.body_es } } : { es: { subject: '', body: '' } };
	for (const l of ['pt', 'en'] as const) {
		const subject = String(data[`subject_${l}`] ?? '').trim();
		const text = String(data[`body_${l}`] ?? '').trim();
		if (!subject && !text) continue;
		const one = parseInput(v.object({ subject: oneLine(200, 3), body }), { subject, body: text });
		if (one.ok) texts[l] = one.value;
		else for (const [k, code] of Object.entries(one.errors)) errors[`${k}_${l}`] = code;
	}
	if (!first.ok || Object.keys(errors).length) return { ok: false as const, errors };
	return { ok: true as const, value: { sessionId: first.value.sessionId || null, audience: first.value.audience, texts } };
}

/** This page's form action, typed with its own params. */
const action = <I, R>(spec: ActionSpec<I, R, RequestEvent>) => formAction<I, R, RequestEvent>(spec);

export const actions: Actions = {
	default: action({
		guard: (event) => guardEvent(event.locals, event.params.id),
		parse,
		run: ({ ctx, input, event }) => writeToRegistrants({ ctx, eventId: event.params.id, input }),
		done: (_, { url }) => `${url.pathname}?sent=1#history`
	})
};
