import { error } from '@sveltejs/kit';

// Malformed requests are a 400 with the friendly error page, never a 500. The path and query are
// checked by reroute (src/hooks.ts); a form post's body is checked here, once, for every action:
// the routes read `request.formData()` as usual and get a body that is known to be well formed.

/** The content types SvelteKit hands to a form action (others get its own 415). */
const FORM_TYPES = /^(?:multipart\/form-data|application\/x-www-form-urlencoded|text\/plain)\b/i;

// Control characters no text field or file name carries: NUL (PostgreSQL refuses it in text),
// and, in file names, line breaks and other C0/C1 controls (they would end a header line).
// eslint-disable-next-line no-control-regex
const NUL = /\0/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * No form field of the app holds more than this (the longest texts are a few thousand characters):
 * a bigger one is refused before any action parses or stores it, and before an action that ignores
 * the field (archive, publish) acts as if the post were ordinary.
 */
export const MAX_FIELD_CHARACTERS = 100_000;

export type FormProblem = 'unreadable' | 'nul' | 'file_name' | 'too_large';

/** What is wrong with a form post's body, or null when it is a well-formed form. */
export async function formProblem(request: Request): Promise<FormProblem | null> {
	let form: FormData;
	try {
		form = await request.clone().formData();
	} catch {
		return 'unreadable';
	}
	for (const [key, value] of form) {
		if (NUL.test(key)) return 'nul';
		if (typeof value === 'string') {
			if (NUL.test(value)) return 'nul';
			if (value.length > MAX_FIELD_CHARACTERS) return 'too_large';
		} else if (CONTROL.test(value.name)) return 'file_name';
	}
	return null;
}

export const isFormPost = (request: Request): boolean =>
	request.method === 'POST' && FORM_TYPES.test(request.headers.get('content-type') ?? '');

/**
 * The same request, whose body can no longer be read: reading it throws error(400), which
 * SvelteKit renders with +error.svelte (or formAction turns into its 400 form message).
 */
export function refusedBody(request: Request, problem: FormProblem): Request {
	const refuse = (): never => error(problem === 'too_large' ? 413 : 400, `Malformed form (${problem})`);
	return new (class extends Request {
		formData = refuse;
		text = refuse;
		json = refuse;
		arrayBuffer = refuse;
		blob = refuse;
		bytes = refuse;
	})(request.url, { method: request.method, headers: request.headers, signal: request.signal });
}
