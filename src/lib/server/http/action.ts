import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import type { FieldErrors } from '../validation.ts';
import { DOMAIN_STATUS, formObject } from './forms.ts';

type Parsed<I> = { ok: true; value: I } | { ok: false; errors: FieldErrors };

export interface ActionSpec<I, R, E extends RequestEvent> {
	/** Echoed back with a failure, so the form shows which action failed (several forms per page). */
	name?: string;
	/** Throws error(403/404) when the person may not act here; runs before the body is read. */
	guard?: (event: E) => void | Promise<void>;
	/** The form as a typed input, or field → message key. */
	parse: (form: FormData, event: E) => Parsed<I> | Promise<Parsed<I>>;
	/** Calls one domain verb. */
	run: (args: { ctx: Ctx; input: I; event: E }) => Promise<R>;
	/** Where to go after success (303). */
	done: (result: R, event: E, input: I) => string;
	/** Extra data sent back with a failure (e.g. the id of the row being edited). */
	echo?: (values: Record<string, string>) => Record<string, unknown>;
}


/**
 * The one shape of a form action: guard → parse → call one verb → map a domain refusal to a
 * 4xx message → redirect. A body that is not a form is refused with 400, never a 500.
 */
export function formAction<I, R, E extends RequestEvent = RequestEvent>(spec: ActionSpec<I, R, E>) {
	return async (event: E): Promise<ActionFailure<Record<string, unknown>> | never> => {
		await spec.guard?.(event);
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			return fail(400, { action: spec.name, errors: { _: 'invalid' } as FieldErrors });
		}
		const values = formObject(form);
		const base = { action: spec.name, values, ...spec.echo?.(values) };
		const parsed = await spec.parse(form, event);
		if (!parsed.ok) return fail(422, { ...base, errors: parsed.errors });
		let result: R;
		try {
			result = await spec.run({ ctx: event.locals.ctx, input: parsed.value, event });
		} catch (error) {
			if (error instanceof DomainError) return fail(DOMAIN_STATUS[error.code], { ...base, errors: { _: error.messageKey } as FieldErrors });
			throw error;
		}
		redirect(303, spec.done(result, event, parsed.value));
	};
}
