/**
 * A JSON response whose text holds no `<`, `>` or `&`: they are written as \u003c, \u003e, \u0026,
 * which every JSON parser reads back as the same characters. Texts people wrote (an exchange's
 * title may be markup, kept as text) then never appear as markup, even to a client that sniffs
 * the body as HTML.
 */
export function safeJson(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
	const body = JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
	return new Response(body, { status: init.status ?? 200, headers: { 'content-type': 'application/json', ...init.headers } });
}
