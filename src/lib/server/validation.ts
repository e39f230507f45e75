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
