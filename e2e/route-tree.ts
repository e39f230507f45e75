import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/*
 * The organisers' area as the route tree declares it, read from src/routes/(organiser) of the current
 * checkout: pages, their form actions and endpoints, with SvelteKit's [param], [param=matcher],
 * [[optional]] and [...rest] segments. refusals.spec.ts checks each of them.
 */

export const ROUTES = path.resolve('src/routes');
export const AREA = path.join(ROUTES, '(organiser)');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export type Segment = { text: string; params: { name: string; matcher?: string; rest: boolean }[]; optional: boolean; variant: boolean };
export type Route = { id: string; file: string; segments: Segment[]; page: boolean; actions: string[]; methods: string[] };

function parseSegment(text: string): Segment {
	const optional = /^\[\[[^\]]+\]\]$/.test(text);
	const params = [...text.matchAll(/\[{1,2}(\.\.\.)?(\w+)(?:=(\w+))?\]{1,2}/g)].map((m) => ({ name: m[2], matcher: m[3], rest: !!m[1] }));
	// A param sharing its segment with text (export.[format]) picks a variant of a page: each value found counts.
	const variant = params.length > 0 && !/^\[{1,2}[^\]]+\]{1,2}$/.test(text);
	return { text, params, optional, variant };
}

/** The names of the form actions in a +page.server.ts: the keys of the object given to `export const actions`. */
export function actionNames(source: string, file: string): string[] {
	const start = source.search(/export\s+const\s+actions\b/);
	if (start < 0) return [];
	const equals = source.indexOf('=', start);
	let i = source.indexOf('{', equals);
	if (equals < 0 || i < 0) throw new Error(`${file}: cannot find the object of \`export const actions\``);
	const names: string[] = [];
	let depth = 0;
	let expectKey = false;
	for (; i < source.length; i++) {
		const c = source[i];
		if (c === '/' && source[i + 1] === '/') {
			i = source.indexOf('\n', i);
			continue;
		}
		if (c === '/' && source[i + 1] === '*') {
			i = source.indexOf('*/', i) + 1;
			continue;
		}
		if (c === "'" || c === '"' || c === '`') {
			let j = i + 1;
			while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
			if (depth === 1 && expectKey) {
				names.push(source.slice(i + 1, j));
				expectKey = false;
			}
			i = j;
			continue;
		}
		if (c === '{' || c === '(' || c === '[') {
			depth++;
			if (depth === 1) expectKey = true;
			continue;
		}
		if (c === '}' || c === ')' || c === ']') {
			depth--;
			if (depth === 0) break;
			continue;
		}
		if (depth !== 1) continue;
		if (c === ',') {
			expectKey = true;
			continue;
		}
		if (expectKey && /\S/.test(c)) {
			const key = /^(?:async\s+)?\*?\s*([A-Za-z_$][\w$]*)/.exec(source.slice(i));
			if (source.startsWith('...', i) || !key) throw new Error(`${file}: cannot read the action names of \`export const actions\` (a spread or a computed key); list them as plain keys`);
			names.push(key[1]);
			i += key[0].length - 1;
			expectKey = false;
		}
	}
	return names;
}

export function discoverRoutes(area = AREA, routesRoot = path.dirname(area)): Route[] {
	const routes: Route[] = [];
	const walk = (dir: string) => {
		const files = fs.readdirSync(dir, { withFileTypes: true });
		const has = (name: string) => files.some((f) => f.isFile() && f.name === name);
		const relative = path.relative(routesRoot, dir).split(path.sep);
		const segments = relative.filter((s) => !/^\(.*\)$/.test(s)).map(parseSegment);
		const id = '/' + segments.map((s) => s.text).join('/');
		const page = ['+page.svelte', '+page.ts', '+page.server.ts'].some(has);
		const serverFile = path.join(dir, '+page.server.ts');
		const actions = has('+page.server.ts') ? actionNames(fs.readFileSync(serverFile, 'utf8'), serverFile) : [];
		const endpointFile = path.join(dir, '+server.ts');
		const endpoint = has('+server.ts') ? fs.readFileSync(endpointFile, 'utf8') : '';
		const methods = METHODS.filter((m) => new RegExp(`export\\s+(?:const|let|async\\s+function|function)\\s+${m}\\b|export\\s*\\{[^}]*\\b${m}\\b`).test(endpoint));
		if (page || methods.length) routes.push({ id, file: path.relative(process.cwd(), dir), segments, page, actions, methods });
		for (const f of files) if (f.isDirectory()) walk(path.join(dir, f.name));
	};
	walk(area);
	return routes;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function routePattern(route: Route): RegExp {
	let source = '';
	for (const segment of route.segments) {
		if (segment.optional) {
			source += '(?:/[^/]+)?';
			continue;
		}
		let part = '';
		let last = 0;
		for (const m of segment.text.matchAll(/\[(\.\.\.)?(\w+)(?:=\w+)?\]/g)) {
			part += escapeRegExp(segment.text.slice(last, m.index)) + (m[1] ? '.+' : '[^/]+');
			last = m.index! + m[0].length;
		}
		source += '/' + part + escapeRegExp(segment.text.slice(last));
	}
	return new RegExp(`^${source}/?$`);
}

/** A value for a param no link of the admin area shows: a random id (a uuid), else a plausible word. */
function placeholder(param: { name: string; matcher?: string; rest: boolean }): string {
	if (param.matcher === 'uuid' || /^id$|Id$/.test(param.name)) return randomUUID();
	if (param.name === 'format') return 'csv';
	if (param.matcher === 'slug' || /slug/i.test(param.name)) return 'no-such-slug';
	return 'x';
}

export function placeholderPath(route: Route): string {
	return route.segments
		.filter((s) => !s.optional)
		.map((s) => '/' + s.text.replace(/\[(\.\.\.)?(\w+)(?:=(\w+))?\]/g, (_m, rest, name, matcher) => placeholder({ name, matcher, rest: !!rest })))
		.join('');
}

/** Every route of the app, read from the whole of src/routes (the public pages, the API, the organisers' area). */
export function discoverAllRoutes(): Route[] {
	return discoverRoutes(ROUTES, ROUTES);
}

/** A route of the organisers' area (under a (organiser) group): only a signed-in organiser gets past its guard. */
export const inOrganiserArea = (route: Route) => route.file.split(path.sep).includes('(organiser)');

/** A route of the public API (/api/v1/…). */
export const isApiRoute = (route: Route) => route.id.startsWith('/api/v1/') || route.id === '/api/v1';

/** The route's params read from a path it matches (name → value), or null when it does not match. */
export function routeParams(route: Route, pathname: string): Record<string, string> | null {
	const names: string[] = [];
	let source = '';
	for (const segment of route.segments) {
		if (segment.optional) {
			source += '(?:/[^/]+)?';
			continue;
		}
		let part = '';
		let last = 0;
		for (const m of segment.text.matchAll(/\[(\.\.\.)?(\w+)(?:=\w+)?\]/g)) {
			names.push(m[2]);
			part += escapeRegExp(segment.text.slice(last, m.index)) + (m[1] ? '(.+)' : '([^/]+)');
			last = m.index! + m[0].length;
		}
		source += '/' + part + escapeRegExp(segment.text.slice(last));
	}
	const match = new RegExp(`^${source}/?$`).exec(pathname);
	if (!match) return null;
	return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
}

/**
 * A path of the route with its params filled from `values` (by param name), a param without a value getting
 * the placeholder; `raw` replaces one param's value as written (already encoded: a NUL is `%00`).
 */
export function fillPath(route: Route, values: Record<string, string>, raw?: { name: string; value: string }): string {
	return route.segments
		.filter((s) => !s.optional)
		.map(
			(s) =>
				'/' +
				s.text.replace(/\[(\.\.\.)?(\w+)(?:=(\w+))?\]/g, (_m, rest, name, matcher) => {
					if (raw && raw.name === name) return raw.value;
					return values[name] !== undefined ? encodeURIComponent(values[name]) : placeholder({ name, matcher, rest: !!rest });
				})
		)
		.join('');
}

/** The names of the params a route's path holds, in order. */
export const paramNames = (route: Route) => route.segments.filter((s) => !s.optional).flatMap((s) => s.params.map((p) => p.name));
