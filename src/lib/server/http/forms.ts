import { fail } from '@sveltejs/kit';
import { DomainError } from '../context.ts';
import type { FieldErrors } from '../validation.ts';

/** The HTTP status of each kind of domain refusal (too_many: a cap was reached, try later). */
export const DOMAIN_STATUS = { not_found: 404, forbidden: 403, invalid: 422, conflict: 409, too_many: 429 } as const;

/** A domain refusal becomes a form message (4xx); anything else is a real error and propagates. */
export function failFromDomain(error: unknown, data: Record<string, unknown> = {}) {
	if (error instanceof DomainError) {
		return fail(DOMAIN_STATUS[error.code], { ...data, errors: { _: error.messageKey } as FieldErrors });
	}
	throw error;
}

/** A checkbox posts "on" when ticked and nothing otherwise. */
export const checkbox = (form: FormData, name: string) => form.get(name) === 'on';

/** A posted form's text fields; a repeated one (checkboxes) is an array. */
export type FormFields = Record<string, string | string[]>;

/** A posted form as an object; repeated fields (checkboxes) become arrays. */
export function formFields(data: FormData): FormFields {
	const out: FormFields = {};
	for (const [key, value] of data) {
		if (typeof value !== 'string') continue;
		const prev = out[key];
		out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
	}
	return out;
}

/** One field, trimmed ('' when absent; the first when repeated). */
export const formValue = (f: FormFields, key: string): string => {
	const value = f[key];
	return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
};

/** A repeated field, trimmed, without the empty ones. */
export const formValues = (f: FormFields, key: string): string[] => {
	const value = f[key];
	return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((s) => s.trim()).filter(Boolean);
};

export function formObject(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') out[key] = value;
	return out;
}

export function pageNumber(url: URL): number {
	const n = Number(url.searchParams.get('page') ?? '1');
	return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
