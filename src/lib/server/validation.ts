import * as v from 'valibot';

export interface FieldErrors {
	[field: string]: string;
}

/** Parse with a schema; on failure return field → message key (first issue per field). */
export function parseInput<S extends v.GenericSchema>(
	schema: S,
	data: unknown
): { ok: true; value: v.InferOutput<S> } | { ok: false; errors: FieldErrors } {
	const result = v.safeParse(schema, data);
	if (result.success) return { ok: true, value: result.output };
	const errors: FieldErrors = {};
	for (const issue of result.issues) {
		const field = issue.path?.map((p) => String(p.key)).join('.') || '_';
		errors[field] ??= issue.message.includes(' ') ? 'invalid' : issue.message;
	}
	return { ok: false, errors };
}

/** Line breaks of every kind (CR, LF, vertical tab, form feed, NEL, line and paragraph separators). */
const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/;
/** Bidirectional embeddings, overrides and isolates: they make a name read backwards on a certificate. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * A one-line text field (a name, a title, an institution, a city): trimmed, at most `max`
 * characters, at least `min`; a line break is refused (it would reach a mail's body or a
 * header verbatim) and so is a bidirectional control character.
 */
export const oneLine = (max: number, min = 0) =>
	v.pipe(
		v.string('required'),
		v.trim(),
		v.check((s) => !LINE_BREAK.test(s), 'line_break'),
		v.check((s) => !BIDI_CONTROL.test(s), 'bidi_control'),
		v.minLength(min, 'required'),
		v.maxLength(max, 'too_long')
	);

/** A readable address: ASCII words joined by hyphens, cut at a word boundary (at most 72 characters). */
export function slugify(text: string, fallback = 'item'): string {
	const words = text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	let slug = '';
	for (const word of words) {
		const next = slug ? `${slug}-${word}` : word;
		if (next.length > 72) break;
		slug = next;
	}
	return slug || words[0]?.slice(0, 72) || fallback;
}

/** An address someone types (a network's or an exchange's): lower-case ASCII words and hyphens. */
export const slugField = v.pipe(
	v.string('required'),
	v.trim(),
	v.toLowerCase(),
	v.minLength(2, 'required'),
	v.maxLength(72, 'too_long'),
	v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug')
);

/** An optional web address: empty, or https. */
export const optionalHttpsUrl = v.pipe(
	v.string(),
	v.trim(),
	v.maxLength(2000, 'too_long'),
	v.check((s) => s === '' || /^https:\/\/[^\s]+$/i.test(s), 'https_url')
);
