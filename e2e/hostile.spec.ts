import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ORGANISER_STATE } from './global-setup.ts';
import { EVENT_PATH, formsOf, recordCount, type FormField, type PageForm } from './helpers.ts';
import { discoverAllRoutes, fillPath, inOrganiserArea, isApiRoute, paramNames, routeParams, type Route } from './route-tree.ts';

/*
 * Hostile input (issue 10): every form action, every page and every API route of the route tree, read from
 * src/routes when the test runs (a new route is covered without anyone adding it here), is sent the classes
 * of input an attacker sends:
 *   a. a NUL byte in a form field, in the query string and in a path parameter;
 *   b. a broken multipart body (wrong boundary, truncated), and CR/LF in an upload's filename;
 *   c. a body of the wrong content type (application/json, text/plain) to a form action;
 *   d. CR/LF and a bidirectional control character (U+202E) in a one-line field (a name, a title);
 *   e. a huge field (1 MB) and a value longer than the field's own maxlength;
 *   f. markup in every text field of a form.
 * Each answer must not be a 5xx. For a–e it must be a refusal (400/404/409/413/415/422/429, or the sign-in
 * redirect for an anonymous visitor of the organisers' area) with human text — for HTML, the app's page with
 * its security headers — and nothing stored, nothing sent: the outbox and the audit log hold as many rows
 * after an action's requests as before. Line breaks and bidi controls may instead be collapsed or removed
 * (issue 10 allows it): an accepted value must then show neither. Markup may be stored (a name is a name), but
 * never shown as markup: no page the organiser or the public reads holds it unescaped.
 *
 * Fields are the page's own: the <form> whose action is the action's, read from the page's HTML, posted as a
 * browser posts it (its values, its checked boxes, a plausible value in each empty required field), with one
 * field made hostile. Actions that remove, cancel, publish or send are posted with the hostile field alone,
 * so that a value the app ignores cannot make them act. Params are real where the app shows one (its own
 * links, crawled as the organiser; a registration made through the public form and read from the outbox; a
 * practice draft started through the submission form), else a placeholder.
 *
 * Public forms are posted with the organiser's session, and sign-in only three times: anonymous forms are
 * limited to 30 a minute per address and sign-in to 10 in 10 minutes, which would answer 429 before the
 * input is read (and slow the journeys that run after this one). A few anonymous posts check the public path.
 */

const NUL = '\u0000';
const MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];
const RAW_MARKUP = [/<script>alert\(1\)/i, /<img src=x onerror=alert\(1\)>/i];
const CRLF = 'Ana Hostil\r\nBcc: hostil@example.org';
const BIDI = 'Ana \u202Eliтsoh';
const REFUSALS = [400, 404, 409, 413, 415, 422, 429];
/** Actions that remove, end, publish or send: posted with the hostile field alone. */
const ACTS_ON_SOMETHING = /^(remove|delete|revoke|cancel|drop|archive|publish|retry|issue|import|submit|confirm|default)|File$/;
/** Fields that are one line: what issue 10 asks to refuse or collapse CR/LF and bidi controls in. */
const ONE_LINE = new Set(['text', 'search', 'tel', 'url']);
const TEXTUAL = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'hidden', 'textarea']);

const NAME_FIELD: FormField = { name: 'name', tag: 'input', type: 'text', value: '', required: true, maxLength: null, checked: false, options: [], selected: null };

type Actor = 'anonymous' | 'organiser';
type Klass = 'a' | 'b' | 'c' | 'd' | 'e' | 'f';
type Body = { contentType: string; data: string | Buffer } | null;
type Sent = { klass: Klass; actor: Actor; method: string; url: string; what: string; body: Body; expect: 'refusal' | 'no5xx' | 'escaped' };

/** Where markup would be rendered: HTML pages and feeds (a CSV, an .ics or JSON is text to its reader). */
const rendersMarkup = (contentType = '') => /html|atom|xml/.test(contentType);

const hasHumanText = (body: string) =>
	/\p{L}{3,}/u.test(
		body
			.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
			.replace(/<[^>]+>/g, ' ')
	);

function urlencoded(entries: [string, string][]): Body {
	return { contentType: 'application/x-www-form-urlencoded', data: new URLSearchParams(entries).toString() };
}

/** A plausible value for an empty field, as a person would type it. */
function plausible(field: FormField, n: number): string {
	if (field.type === 'email' || /mail/i.test(field.name)) return `hostil.${n}@ciudad.example`;
	if (field.type === 'number' || field.type === 'range') return '1';
	if (field.type === 'date') return new Date().toISOString().slice(0, 10);
	if (field.type === 'time') return '10:00';
	if (field.type === 'datetime-local') return new Date().toISOString().slice(0, 16);
	if (field.type === 'url' || /url|link|website/i.test(field.name)) return 'https://ciudad.example/';
	if (field.type === 'password') return 'una-contraseña-larga-1';
	return 'Texto de prueba';
}

/** What a browser posts for the form (its values, its checked boxes, a plausible value where one is required). */
function browserEntries(form: PageForm, n: number): [string, string][] {
	const entries: [string, string][] = [];
	const groups = new Set<string>();
	for (const field of form.fields) {
		if (field.tag === 'button' || ['submit', 'button', 'reset', 'image', 'file'].includes(field.type)) continue;
		if (field.type === 'checkbox' || field.type === 'radio') {
			const group = form.fields.filter((f) => f.name === field.name);
			const anyChecked = group.some((f) => f.checked);
			// A required box or the first of a group nobody ticked (the sessions to register for, a city).
			if (field.checked || (!anyChecked && !groups.has(field.name) && (field.required || field.type === 'radio' || group.length > 1))) {
				entries.push([field.name, field.value || 'on']);
				groups.add(field.name);
			}
			continue;
		}
		if (field.tag === 'select') {
			entries.push([field.name, field.selected || field.options.find((o) => o !== '') || '']);
			continue;
		}
		entries.push([field.name, field.value || (field.required ? plausible(field, n) : '')]);
	}
	return entries;
}

const textFields = (form: PageForm) => form.fields.filter((f) => TEXTUAL.has(f.type) && f.name !== 'altcha' && f.name !== 'website');
const visibleText = (form: PageForm) => textFields(form).filter((f) => f.type !== 'hidden');

/** One field per kind where fields are many, chosen deterministically: the first visible, hidden and long one. */
function someTextFields(form: PageForm): FormField[] {
	const fields = textFields(form);
	const picks = [fields.find((f) => f.tag === 'input' && f.type !== 'hidden'), fields.find((f) => f.type === 'hidden'), fields.find((f) => f.tag === 'textarea')];
	return [...new Set(picks.filter((f): f is FormField => !!f))];
}

function oneLineField(form: PageForm): FormField | undefined {
	const fields = form.fields.filter((f) => f.tag === 'input' && ONE_LINE.has(f.type) && f.name !== 'website');
	return fields.find((f) => /name|title|nombre|titulo/i.test(f.name)) ?? fields[0];
}

function withValue(entries: [string, string][], name: string, value: string): [string, string][] {
	let replaced = false;
	const out = entries.map(([k, v]): [string, string] => (k === name && !replaced ? ((replaced = true), [k, value]) : [k, v]));
	if (!replaced) out.push([name, value]);
	return out;
}

function brokenMultipart(field: string): Body {
	// Declares one boundary, uses another, and stops in the middle of a part.
	const data = `--otra-frontera\r\nContent-Disposition: form-data; name="${field}"\r\n\r\nvalor sin final`;
	return { contentType: 'multipart/form-data; boundary=----frontera-declarada', data };
}

function multipartWithFilename(fileField: string, filename: string): Body {
	const boundary = '----frontera-hostil';
	const data = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`,
		'latin1'
	);
	return { contentType: `multipart/form-data; boundary=${boundary}`, data };
}

/** The action's form on its page: `?/name` in its action attribute, or the page's own form for `default`. */
function formForAction(forms: PageForm[], name: string): PageForm | undefined {
	const posts = forms.filter((f) => f.method === 'post');
	if (name === 'default') return posts.find((f) => !f.action.includes('?/'));
	return posts.find((f) => new RegExp(`\\?/${name}(?:&|$)`).test(f.action));
}

/**
 * The route tree is shared out between SHARDS tests that run side by side, one per server (each
 * Playwright worker drives its own installation): every route is in exactly one share, and each
 * share checks its own coverage. Real params come from each server's own crawl.
 */
const SHARDS = 2;

test.describe('Every door holds against hostile input (issue 10)', () => {
	test.describe.configure({ mode: 'parallel' });
	for (let shard = 0; shard < SHARDS; shard++)
	test(`every form action, page and API route of the route tree, with the six classes of hostile input (share ${shard + 1} of ${SHARDS})`, async ({ browser, playwright, baseURL }) => {
		test.setTimeout(420_000);
		const origin = new URL(baseURL!).origin;
		const allRoutes = discoverAllRoutes();
		// Every route in exactly one share: the two shares together are the whole tree.
		const routes = allRoutes.filter((_, i) => i % SHARDS === shard);
		const organiser = await playwright.request.newContext({ baseURL, storageState: ORGANISER_STATE });
		const anonymous = await playwright.request.newContext({ baseURL });
		const parser: Page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		const client = (actor: Actor) => (actor === 'organiser' ? organiser : anonymous);
		const notes: string[] = [];

		// --- Real params: a registration and a draft of our own, then the app's own links. ---
		const stamp = Date.now().toString(36);
		const registrationUrl = await makeRegistration(anonymous, organiser, parser, origin, stamp, notes);
		const draftUrl = await makeDraft(browser, notes);
		const starts = ['/admin', '/', '/practices', EVENT_PATH, `${EVENT_PATH}/register`, '/certificates/verify', ...(registrationUrl ? [registrationUrl] : []), ...(draftUrl ? [draftUrl] : [])];
		const found = await crawl(organiser, allRoutes, starts);
		if (registrationUrl) found.set(allRoutes.find((r) => r.id === '/registration/[token]')!, new URL(registrationUrl, origin).pathname);
		if (draftUrl) found.set(allRoutes.find((r) => r.id === '/practices/submit/[token]')!, new URL(draftUrl, origin).pathname);
		// A param's value, keyed by the route up to it: /admin/events/[id=uuid] is an event's id, /admin/outbox/[id=uuid] a mail's.
		const known = new Map<string, string>();
		for (const [route, pathname] of found) {
			const params = routeParams(route, pathname);
			if (!params) continue;
			for (const name of Object.keys(params)) known.set(paramKey(route, name), params[name]);
		}
		const pathOf = (route: Route, raw?: { name: string; value: string }) => {
			const values: Record<string, string> = {};
			for (const name of paramNames(route)) {
				const value = known.get(paramKey(route, name));
				if (value !== undefined) values[name] = value;
			}
			return fillPath(route, values, raw);
		};
		const realParams = (route: Route) => paramNames(route).every((name) => known.has(paramKey(route, name)));

		// --- Counting what is stored and sent: the outbox and the audit log, as the organiser reads them. ---
		const counts = async () => ({ outbox: await recordCount(organiser, '/admin/outbox'), audit: await recordCount(organiser, '/admin/audit') });

		const problems: Record<Klass, string[]> = { a: [], b: [], c: [], d: [], e: [], f: [] };
		const requests: Record<Klass, number> = { a: 0, b: 0, c: 0, d: 0, e: 0, f: 0 };
		const coveredRoutes = new Set<string>();
		const coveredActions = new Set<string>();
		const markupAt = new Set<string>();

		const send = async (s: Sent) => {
			const response = await client(s.actor).fetch(s.url, {
				method: s.method,
				maxRedirects: 0,
				headers: { origin, accept: 'text/html', referer: `${origin}${s.url.split('?')[0]}`, ...(s.body ? { 'content-type': s.body.contentType } : {}) },
				...(s.body ? { data: s.body.data } : {})
			});
			requests[s.klass]++;
			const status = response.status();
			const headers = response.headers();
			const text = await response.text().catch(() => '');
			const where = `${s.actor} ${s.method} ${s.url.length > 120 ? s.url.slice(0, 120) + '…' : s.url} (${s.what})`;
			if (status >= 500) {
				problems[s.klass].push(`${where}: ${status}`);
				return { status, text, accepted: false };
			}
			const toSignIn = [301, 302, 303, 307, 308].includes(status) && (headers.location ?? '').includes('/sign-in');
			const refused = REFUSALS.includes(status) || (s.actor === 'anonymous' && (toSignIn || status === 401 || status === 403));
			if (s.expect === 'refusal') {
				if (!refused) problems[s.klass].push(`${where}: expected a refusal, got ${status}${headers.location ? ` → ${headers.location}` : ''}`);
				else if (!toSignIn) {
					if (!hasHumanText(text)) problems[s.klass].push(`${where}: ${status} without a message a person can read`);
					if ((headers['content-type'] ?? '').includes('text/html') && !headers['content-security-policy']) problems[s.klass].push(`${where}: ${status} page without its security headers (no content-security-policy)`);
				}
			}
			if (rendersMarkup(headers['content-type']) && RAW_MARKUP.some((r) => r.test(text))) problems.f.push(`${where}: the answer (${status}) shows the markup unescaped`);
			return { status, text, accepted: !refused };
		};

		/** Requests of a–e for one action that must change nothing: counted before and after as a batch. */
		const batch = async (label: string, klass: Klass, list: Sent[]) => {
			if (list.length === 0) return;
			const before = await counts();
			let allRefused = true;
			for (const s of list) allRefused = !(await send(s)).accepted && allRefused;
			const after = await counts();
			if (allRefused && (after.outbox !== before.outbox || after.audit !== before.audit)) {
				problems[klass].push(`${label}: refused, yet ${after.outbox - before.outbox} mails queued and ${after.audit - before.audit} audit entries written`);
			}
		};

		for (const route of routes) {
			const area = inOrganiserArea(route);
			const actors: Actor[] = area ? ['anonymous', 'organiser'] : [route.id === '/sign-out' || route.id === '/sign-in' ? 'anonymous' : 'organiser'];
			const url = pathOf(route) || '/';
			const nulPaths = paramNames(route).map((name) => ({ name, url: pathOf(route, { name, value: `${encodeURIComponent(known.get(paramKey(route, name)) ?? 'x')}%00` }) }));
			let touched = false;

			// Pages: a NUL in the query string and in each path param, as anyone who may see them.
			if (route.page) {
				for (const actor of actors) {
					await send({ klass: 'a', actor, method: 'GET', url: `${url}?q=%00&page=1%00`, what: `page ${route.id}, NUL in the query`, body: null, expect: 'refusal' });
					for (const p of nulPaths) await send({ klass: 'a', actor, method: 'GET', url: p.url, what: `page ${route.id}, NUL in [${p.name}]`, body: null, expect: 'refusal' });
				}
				touched = true;
			}

			// Endpoints: every write method; GET for the API (and a NUL in a GET endpoint's path params).
			for (const method of route.methods) {
				const api = isApiRoute(route);
				if (method === 'GET' && !api) {
					// Any GET endpoint: a NUL in the query string and in each path param.
					await send({ klass: 'a', actor: actors[0], method, url: `${url}?q=%00`, what: `${method} ${route.id}, NUL in the query`, body: null, expect: 'refusal' });
					for (const p of nulPaths) await send({ klass: 'a', actor: actors[0], method, url: p.url, what: `${method} ${route.id}, NUL in [${p.name}]`, body: null, expect: 'refusal' });
					touched = true;
					continue;
				}
				touched = true;
				for (const actor of actors) {
					const list: Sent[] = [
						{ klass: 'a', actor, method, url: `${url}?q=%00&city=%00&limit=1%00`, what: `${method} ${route.id}, NUL in the query`, body: null, expect: 'refusal' },
						...nulPaths.map((p): Sent => ({ klass: 'a', actor, method, url: p.url, what: `${method} ${route.id}, NUL in [${p.name}]`, body: null, expect: 'refusal' })),
						{ klass: 'e', actor, method, url: `${url}?q=${'palabra%20'.repeat(400)}`, what: `${method} ${route.id}, a 4000-character query`, body: null, expect: 'refusal' }
					];
					if (method !== 'GET') list.push({ klass: 'c', actor, method, url, what: `${method} ${route.id}, text/plain`, body: { contentType: 'text/plain', data: 'q=x' }, expect: 'refusal' });
					await batch(`${actor} ${method} ${route.id}`, 'a', list);
					const f = await send({ klass: 'f', actor, method, url: `${url}?q=${encodeURIComponent(MARKUP[0])}`, what: `${method} ${route.id}, markup in the query`, body: null, expect: 'escaped' });
					if ((f.text.match(/<script>alert/g) ?? []).length) problems.f.push(`${actor} ${method} ${route.id}: the markup comes back unescaped`);
				}
			}

			// Form actions: the page's own form for the action, one field at a time made hostile.
			if (route.actions.length === 0) {
				if (touched) coveredRoutes.add(route.id);
				continue;
			}
			const pageHtml = await (await client(actors.at(-1)!).get(url, { maxRedirects: 0 })).text();
			const forms = await formsOf(parser, pageHtml);
			for (const name of route.actions) {
				const actionUrl = name === 'default' ? url : `${url}?/${name}`;
				const form = formForAction(forms, name);
				if (!form) notes.push(`no <form> for ${route.id} ?/${name} on ${url}: the hostile values go in a field named "name"`);
				const fields: PageForm = form ?? { action: actionUrl, method: 'post', enctype: '', fields: [{ ...NAME_FIELD }] };
				const alone = ACTS_ON_SOMETHING.test(name);
				const base = alone ? [] : browserEntries(fields, requests.a);
				const post = urlencoded;
				const hostile = (field: string, value: string) => post(alone ? [[field, value]] : withValue(base, field, value));
				const label = `${route.id} ?/${name}`;
				const signIn = route.id === '/sign-in';
				for (const actor of actors) {
					const what = (text: string) => `action ${label}, ${text}`;
					// A form of buttons only (sign out, retry) gets a field of its own, named "name".
					const first = someTextFields(fields)[0] ?? { ...NAME_FIELD };
					const list: Sent[] = [];
					if (signIn) {
						// Three posts in all (see above): a NUL in a field, a JSON body, a broken multipart body.
						if (name === 'password') {
							list.push({ klass: 'a', actor, method: 'POST', url: actionUrl, what: what(`NUL in ${first.name}`), body: hostile(first.name, `ana${NUL}@ciudad.example`), expect: 'refusal' });
							list.push({ klass: 'c', actor, method: 'POST', url: actionUrl, what: what('application/json'), body: { contentType: 'application/json', data: JSON.stringify({ [first.name]: 'ana@ciudad.example' }) }, expect: 'refusal' });
						} else list.push({ klass: 'b', actor, method: 'POST', url: actionUrl, what: what('broken multipart'), body: brokenMultipart(first.name), expect: 'refusal' });
						await batch(`${actor} ${label}`, list[0].klass, list);
						coveredActions.add(label);
						continue;
					}
					// a. NUL: in a few fields (the first visible, the first hidden, the first long one), the query, the path.
					for (const field of someTextFields(fields)) list.push({ klass: 'a', actor, method: 'POST', url: actionUrl, what: what(`NUL in ${field.name}`), body: hostile(field.name, `Texto${NUL}nulo`), expect: 'refusal' });
					list.push({ klass: 'a', actor, method: 'POST', url: `${actionUrl}${actionUrl.includes('?') ? '&' : '?'}q=%00`, what: what('NUL in the query'), body: urlencoded([]), expect: 'refusal' });
					for (const p of nulPaths) list.push({ klass: 'a', actor, method: 'POST', url: p.url + (name === 'default' ? '' : `?/${name}`), what: what(`NUL in [${p.name}]`), body: urlencoded([]), expect: 'refusal' });
					// b. A broken multipart body; CR/LF in an upload's filename.
					list.push({ klass: 'b', actor, method: 'POST', url: actionUrl, what: what('broken multipart'), body: brokenMultipart(first.name), expect: 'refusal' });
					const file = fields.fields.find((f) => f.type === 'file');
					if (file) list.push({ klass: 'b', actor, method: 'POST', url: actionUrl, what: what(`CR/LF in the filename of ${file.name}`), body: multipartWithFilename(file.name, 'informe\r\nContent-Type: text/html\r\n.pdf'), expect: 'refusal' });
					// c. Wrong content types.
					list.push({ klass: 'c', actor, method: 'POST', url: actionUrl, what: what('application/json'), body: { contentType: 'application/json', data: JSON.stringify(Object.fromEntries(base.length ? base : [[first.name, 'x']])) }, expect: 'refusal' });
					list.push({ klass: 'c', actor, method: 'POST', url: actionUrl, what: what('text/plain'), body: { contentType: 'text/plain;charset=UTF-8', data: `${first.name}=x` }, expect: 'refusal' });
					// e. A huge field, and a value over the field's own maxlength.
					list.push({ klass: 'e', actor, method: 'POST', url: actionUrl, what: what(`1 MB in ${first.name}`), body: hostile(first.name, 'x'.repeat(1024 * 1024)), expect: 'refusal' });
					const capped = textFields(fields).find((f) => f.maxLength);
					if (capped) list.push({ klass: 'e', actor, method: 'POST', url: actionUrl, what: what(`${capped.maxLength! + 1} characters in ${capped.name} (maxlength ${capped.maxLength})`), body: hostile(capped.name, 'x'.repeat(capped.maxLength! + 1)), expect: 'refusal' });
					for (const klass of ['a', 'b', 'c', 'e'] as const) await batch(`${actor} ${label} (${klass})`, klass, list.filter((s) => s.klass === klass));

					// d. CR/LF and bidi in a one-line field: refused (and nothing changed), or accepted with neither kept.
					const line = oneLineField(fields);
					if (line) {
						for (const [kind, value] of [['CR/LF', CRLF], ['U+202E', BIDI]] as const) {
							const s: Sent = { klass: 'd', actor, method: 'POST', url: actionUrl, what: what(`${kind} in ${line.name}`), body: hostile(line.name, value), expect: 'no5xx' };
							const before = await counts();
							const answer = await send(s);
							const after = await counts();
							if (!answer.accepted) {
								if (answer.status < 500 && (after.outbox !== before.outbox || after.audit !== before.audit)) problems.d.push(`${s.actor} ${s.what}: refused (${answer.status}), yet something was stored or sent`);
								continue;
							}
							if (actor === 'anonymous' && area) continue;
							// Accepted: the value must come back without the line break or the override, in the page and in new mails.
							const shown = [await (await organiser.get(url)).text(), ...(await newMails(organiser, after.outbox - before.outbox))].join('\n');
							const kept = kind === 'CR/LF' ? /Ana Hostil(?:\r|\n|&#13;|&#10;|&#xD;|&#xA;)/i.test(shown) : /\u202E|&#8238;|&#x202E;/i.test(shown.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, ''));
							if (kept) problems.d.push(`${s.actor} ${s.what}: accepted (${answer.status}) and the ${kind} is kept in what the app shows or sends`);
						}
					}

					// f. Markup in every visible text field at once: a refusal, or stored and shown as text.
					const visible = visibleText(fields).filter((f) => f.type !== 'password');
					if (visible.length) {
						let entries = base;
						visible.forEach((f, i) => (entries = withValue(entries, f.name, f.type === 'email' ? `"<script>alert(1)</script>"@ciudad.example` : `${MARKUP[i % 2]} ${f.name}`)));
						const answer = await send({ klass: 'f', actor, method: 'POST', url: actionUrl, what: what(`markup in ${visible.map((f) => f.name).join(', ')}`), body: post(alone ? entries.filter(([k]) => visible.some((f) => f.name === k)) : entries), expect: 'escaped' });
						if (answer.accepted) markupAt.add(url);
					}
					coveredActions.add(label);
				}
			}
			coveredRoutes.add(route.id);
		}

		// Stored markup is shown as text everywhere it is shown: the pages crawled, the action pages, new mails.
		const markupPages = [...new Set([...found.values(), ...markupAt, '/admin/outbox', '/admin/audit', '/admin/practices', `${EVENT_PATH}`])];
		for (const pathname of markupPages.slice(0, 60)) {
			const response = await organiser.get(pathname, { maxRedirects: 0 });
			const text = await response.text();
			if (rendersMarkup(response.headers()['content-type']) && RAW_MARKUP.some((r) => r.test(text))) problems.f.push(`GET ${pathname}: shows stored markup unescaped`);
		}
		for (const mail of await newMails(organiser, 10)) if (RAW_MARKUP.some((r) => r.test(mail))) problems.f.push(`an outbox mail page shows stored markup unescaped`);

		const actionCount = routes.reduce((n, r) => n + r.actions.length, 0);
		const total = Object.values(requests).reduce((a, b) => a + b, 0);
		const summary = [
			`Hostile input: ${coveredRoutes.size}/${routes.length} routes, ${coveredActions.size}/${actionCount} form actions, ${total} requests — ` +
				(Object.keys(requests) as Klass[]).map((k) => `${k}: ${requests[k]} (${problems[k].length} failing)`).join(', ') +
				`; params real for ${routes.filter((r) => paramNames(r).length && realParams(r)).length}/${routes.filter((r) => paramNames(r).length).length} routes with params.`,
			...routes.filter((r) => paramNames(r).length && !realParams(r)).map((r) => `  placeholder params: ${pathOf(r)} for ${r.id}`),
			...notes.map((n) => `  note: ${n}`)
		];
		console.log(summary.join('\n'));
		test.info().annotations.push({ type: 'coverage', description: summary[0] });
		for (const klass of Object.keys(problems) as Klass[]) if (problems[klass].length) console.log(`Class ${klass}:\n  ${problems[klass].join('\n  ')}`);

		expect.soft(coveredRoutes.size, 'routes covered').toBe(routes.length);
		expect.soft(coveredActions.size, 'form actions covered').toBe(actionCount);
		for (const klass of Object.keys(problems) as Klass[]) expect.soft(problems[klass], `class ${klass}`).toEqual([]);

		await organiser.dispose();
		await anonymous.dispose();
		await parser.context().close();
	});
});

/** A param's key: the route's path up to it (the same name means different things on different routes). */
function paramKey(route: Route, name: string): string {
	const texts: string[] = [];
	for (const segment of route.segments.filter((s) => !s.optional)) {
		texts.push(segment.text.replace(/\[(\.\.\.)?(\w+)(=\w+)?\]/g, '[$2$3]'));
		if (segment.params.some((p) => p.name === name)) break;
	}
	return '/' + texts.join('/');
}

/** The app's own links, followed as the organiser from a few starts: a real path for each route found. */
async function crawl(organiser: APIRequestContext, routes: Route[], starts: string[]): Promise<Map<Route, string>> {
	const found = new Map<Route, string>();
	const queue = [...starts];
	const seen = new Set(queue);
	let fetched = 0;
	while (queue.length && fetched < 90) {
		const pathname = queue.shift()!;
		// A fixed path (/practices/feed.atom) before a param (/practices/[slug]): the matchers are not applied here.
		const route = [...routes].sort((x, y) => paramNames(x).length - paramNames(y).length).find((r) => routeParams(r, pathname));
		if (route) {
			if (found.has(route) && paramNames(route).length) continue;
			found.set(route, pathname);
			if (!route.page) continue;
		}
		const response = await organiser.get(pathname, { maxRedirects: 0 });
		fetched++;
		if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
		const html = await response.text();
		for (const [, href] of html.matchAll(/href="([^"#?]+)/g)) {
			const url = new URL(href.replaceAll('&amp;', '&'), `http://x${pathname}`);
			if (url.host !== 'x' || /^\/(pt|en)(\/|$)|^\/sign-out|^\/api\/auth|^\/_app/.test(url.pathname) || seen.has(url.pathname)) continue;
			seen.add(url.pathname);
			queue.push(url.pathname);
		}
	}
	return found;
}

/** The newest mails in the outbox, each as its page's HTML (for what a mail carries). */
async function newMails(organiser: APIRequestContext, count: number): Promise<string[]> {
	if (count <= 0) return [];
	const html = await (await organiser.get('/admin/outbox')).text();
	const links = [...html.matchAll(/href="(\/admin\/outbox\/[0-9a-f-]{36})"/g)].map((m) => m[1]).slice(0, Math.min(count, 10));
	return Promise.all(links.map(async (link) => (await organiser.get(link)).text()));
}

/**
 * A registration of our own, made through the public form as a person without JavaScript makes it (with
 * markup in the name: class f for the registration form, which must store it and show it as text), its
 * private link read from the confirmation mail in the outbox.
 */
async function makeRegistration(anonymous: APIRequestContext, organiser: APIRequestContext, parser: Page, origin: string, stamp: string, notes: string[]): Promise<string | null> {
	const registerPath = `${EVENT_PATH}/register`;
	const forms = await formsOf(parser, await (await anonymous.get(registerPath)).text());
	const form = formForAction(forms, 'default');
	if (!form || !form.fields.some((f) => f.type === 'checkbox' && f.name !== 'consent' && !/acept|consent|privacy/i.test(f.name))) {
		notes.push(`no session open for registration on ${registerPath}: the private registration routes get placeholder tokens`);
	}
	if (!form) return null;
	const email = `hostil.${stamp}@ciudad.example`;
	let entries = browserEntries(form, 0);
	for (const f of form.fields) {
		if (f.type === 'email') entries = withValue(entries, f.name, email);
		if (f.type === 'checkbox' && !entries.some(([k]) => k === f.name)) entries.push([f.name, f.value || 'on']);
	}
	const nameField = form.fields.find((f) => /name/i.test(f.name) && f.type === 'text');
	if (nameField) entries = withValue(entries, nameField.name, `${MARKUP[0]} ${MARKUP[1]} Ana`);
	const response = await anonymous.post(registerPath, { headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, data: new URLSearchParams(entries).toString(), maxRedirects: 0 });
	if (response.status() !== 303) {
		notes.push(`the registration form answered ${response.status()}: the private registration routes get placeholder tokens`);
		return null;
	}
	const html = await (await organiser.get('/admin/outbox')).text();
	const row = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].find((m) => m[1].includes(email));
	const mailLink = row && /href="(\/admin\/outbox\/[0-9a-f-]{36})"/.exec(row[1])?.[1];
	if (!mailLink) return null;
	const mail = await (await organiser.get(mailLink)).text();
	return /https?:\/\/[^\s"<]+(\/registration\/[A-Za-z0-9_-]{32})/.exec(mail)?.[1] ?? null;
}

/** A practice draft of our own, started through the submission form with JavaScript (the proof of work solved). */
async function makeDraft(browser: import('@playwright/test').Browser, notes: string[]): Promise<string | null> {
	const context = await browser.newContext();
	const page = await context.newPage();
	try {
		await page.goto('/practices/submit');
		await page.getByLabel('Título de la práctica').fill('Huertas escolares de prueba hostil');
		await page.getByLabel(/Resumen/).fill('Escuelas y familias cultivan huertas con apoyo técnico del municipio y de productores del barrio.');
		await page.getByLabel('Idioma en que la escribes').selectOption('es');
		await page.getByLabel('Ciudad', { exact: true }).fill('Pelotas');
		await page.getByLabel('Tu nombre').fill('Ana');
		await page.getByLabel('Tu correo electrónico').fill('ana.hostil@pelotas.example');
		await page.getByRole('button', { name: 'Buscar ciudad' }).click();
		await page.getByRole('radio', { name: /^Pelotas \(Brasil/ }).check();
		await expect(page.locator('input[name="altcha"]')).not.toHaveValue('', { timeout: 20_000 });
		await page.getByRole('button', { name: 'Guardar y seguir' }).click();
		await page.waitForURL(/\/practices\/submit\/[A-Za-z0-9_-]{32}/, { timeout: 10_000 });
		return new URL(page.url()).pathname;
	} catch (error) {
		notes.push(`no practice draft (${String(error).split('\n')[0]}): the draft routes get a placeholder token`);
		return null;
	} finally {
		await context.close();
	}
}
