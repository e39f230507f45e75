import { fail } from '@sveltejs/kit';
import { DomainError } from '../context.ts';
import type { FieldErrors } from '../validation.ts';

const statusFor = { not_found: 404, forbidden: 403, invalid: 422, conflict: 409 } as const;

/** A domain refusal becomes a form message (4xx); anything else is a real error and propagates. */
export function failFromDomain(error: unknown, data: Record<string, unknown> = {}) {
	if (error instanceof DomainError) {
		return fail(statusFor[error.code], { ...data, errors: { _: error.messageKey } as FieldErrors });
	}
	throw error;
}

/** A checkbox posts "on" when ticked and nothing otherwise. */
export const checkbox = (form: FormData, name: string) => form.get(name) === 'on';

export function formObject(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') out[key] = value;
	return out;
}

export function pageNumber(url: URL): number {
	const n = Number(url.searchParams.get('page') ?? '1');
	return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
