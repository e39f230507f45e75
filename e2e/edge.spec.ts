import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { OWN_SERVER_PORTS } from '../playwright.config.ts';

// The edge as only the real server shows it (server.js in front of the built app): forged hosts,
// raw paths that fetch() would tidy up, malformed bodies, Better Auth's endpoints, the sign-in
// limit under escaped paths. Its own server, so its counters and cache start empty.

// A fresh server's first start (a new embedded database, the demo loaded) can take most of a minute on a
// busy machine running the journeys' servers beside it: the 45 s of a journey is too tight for it.
test.describe.configure({ timeout: 90_000 });

const PORT = OWN_SERVER_PORTS.edge;
const BASE = `http://127.0.0.1:${PORT}`;
let child: ChildProcess;
let output = '';

test.beforeAll(async () => {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-edge-'));
	child = spawn(process.execPath, ['server.js'], {
		env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: '', ORIGIN: '' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	await expect.poll(() => output, { timeout: 60_000 }).toContain('Intercambio is running at');
});

test.afterAll(async () => {
	child.kill('SIGTERM');
	await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
});

interface Raw {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** A request exactly as written (fetch would normalise `//x/..` and refuses to set Host). */
function raw(method: string, rawPath: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const request = http.request({ host: '127.0.0.1', port: PORT, method, path: rawPath, headers: { host: `localhost:${PORT}`, ...headers } }, (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk) => (text += chunk));
			response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text }));
		});
		request.on('error', reject);
		request.end(body);
	});
}

const logLines = () =>
	output
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as Record<string, unknown>);

function expectSecurityHeaders(response: Raw) {
	expect(response.headers['x-content-type-options']).toBe('nosniff');
	expect(response.headers['x-frame-options']).toBe('DENY');
	expect(response.headers['content-security-policy']).toBeTruthy();
}

/** The friendly error page: the site's layout, the error heading, a way home. */
function expectFriendlyPage(response: Raw) {
	expect(response.headers['content-type']).toMatch(/text\/html/);
	expect(response.body).toContain('<h1>');
	expect(response.body).toMatch(/<a href="\/"/);
	expectSecurityHeaders(response);
}

test('a request for another host is refused with 421 before the cache, and cannot fill it', async () => {
	const forged = await raw('GET', '/practices', { host: 'evil.example' });
	expect(forged.status).toBe(421);
	expect(forged.body).toContain('This address does not belong to this site.');
	expect(forged.headers['cache-control']).toBe('no-store');
	expect(forged.headers['x-cache']).toBeUndefined();
	expectSecurityHeaders(forged);
	// The same with the listening port, or a name that only starts like ours.
	expect((await raw('GET', '/', { host: `evil.example:${PORT}` })).status).toBe(421);
	expect((await raw('GET', '/', { host: `localhost:${PORT}.evil.example` })).status).toBe(421);
	// The page a visitor then gets names this site only.
	const page = await raw('GET', '/practices');
	expect(page.status).toBe(200);
	expect(page.body).not.toContain('evil.example');
	expect(page.body).toContain(`http://localhost:${PORT}/`);
	const again = await raw('GET', '/practices');
	expect(again.headers['x-cache']).toBe('hit');
	expect(again.body).not.toContain('evil.example');
	// Its own addresses are answered.
	expect((await raw('GET', '/healthz', { host: `127.0.0.1:${PORT}` })).status).toBe(200);
	expect((await raw('GET', '/healthz', { host: `[::1]:${PORT}` })).status).toBe(200);
	expect(logLines().some((l) => l.status === 421 && l.host === 'evil.example' && l.level === 30)).toBe(true);
});

test('`//x/..`, a NUL byte in the path or the query: 400 with the friendly page, logged once at info level', async () => {
	for (const rawPath of ['//x/..', '//', '/practices?q=a%00b', '/registration/ab%00c', '/events/%E0%A4%A']) {
		const before = logLines().length;
		const response = await raw('GET', rawPath, { accept: 'text/html' });
		expect(response.status, rawPath).toBe(400);
		expectFriendlyPage(response);
		await expect.poll(() => logLines().length).toBeGreaterThan(before);
		const lines = logLines().slice(before);
		expect(lines.filter((l) => l.msg === 'request'), rawPath).toHaveLength(1);
		expect(lines.filter((l) => l.msg === 'request')[0]).toMatchObject({ level: 30, status: 400 });
		expect(lines.some((l) => (l.level as number) >= 50), rawPath).toBe(false);
	}
});

test('form posts that cannot be read, or carry a NUL or a line break in a file name, are a 400 page, never a 500', async () => {
	const origin = `http://localhost:${PORT}`;
	const boundary = 'EdgeBoundary';
	const withFile = (filename: string) =>
		[`--${boundary}`, `Content-Disposition: form-data; name="zone"; filename="${filename}"`, 'Content-Type: text/plain', '', 'x', `--${boundary}--`, ''].join('\r\n');
	const cases: [string, Record<string, string>, string][] = [
		['a NUL in a field', { 'content-type': 'application/x-www-form-urlencoded' }, 'zone=America%2FMontevideo%00'],
		['a broken multipart body', { 'content-type': `multipart/form-data; boundary=${boundary}` }, `--${boundary}\r\nbroken`],
		['multipart without a boundary', { 'content-type': 'multipart/form-data' }, 'zone=x'],
		['a text/plain body', { 'content-type': 'text/plain' }, 'zone=x'],
		['a line break in a file name', { 'content-type': `multipart/form-data; boundary=${boundary}` }, withFile('a.txt\r\nX-Evil: 1')]
	];
	for (const [what, headers, body] of cases) {
		const response = await raw('POST', '/time-zone', { origin, accept: 'text/html', ...headers }, body);
		expect(response.status, what).toBe(400);
		expectFriendlyPage(response);
	}
	// A body of another type entirely: SvelteKit's own 415, with the same page.
	const json = await raw('POST', '/time-zone', { origin, accept: 'text/html', 'content-type': 'application/json' }, '{}');
	expect(json.status).toBe(415);
	expectFriendlyPage(json);
	expect(logLines().some((l) => (l.level as number) >= 50)).toBe(false);
});

test("only the sign-in link's endpoint of Better Auth is reachable", async () => {
	const cookie = 'better-auth.session_token=whatever';
	for (const [method, rawPath] of [
		['POST', '/api/auth/update-user'],
		['POST', '/api/auth/sign-in/email'],
		['GET', '/api/auth/get-session'],
		['GET', '/api/auth/list-sessions'],
		['POST', '/api/auth/change-email'],
		['GET', '/api/auth/ok']
	]) {
		const response = await raw(method, rawPath, { cookie, 'content-type': 'application/json', origin: `http://localhost:${PORT}` }, method === 'POST' ? '{}' : undefined);
		expect(response.status, rawPath).toBe(404);
		expectSecurityHeaders(response);
	}
	// The link in the first organiser's sign-in mail still works (a redirect into the admin area).
	const link = /(http\S+\/api\/auth\/magic-link\/verify\?\S+)/.exec(output)?.[1];
	expect(link).toBeTruthy();
	const url = new URL(link!);
	const verify = await raw('GET', `${url.pathname}${url.search}`);
	expect(verify.status).toBe(302);
	expect(verify.headers['set-cookie']?.join(';')).toMatch(/session_token=/);
});

test('the sign-in limit holds under an escaped path and with a session cookie', async () => {
	const statuses: number[] = [];
	for (let i = 0; i < 11; i++) {
		// (A trailing slash, /sign-in/, is redirected to /sign-in before any action runs.)
		const rawPath = ['/sign%2Din?/password', '/pt/sign%2din?/password', '/en/sign-in?/password'][i % 3];
		const response = await raw(
			'POST',
			rawPath,
			{ origin: `http://localhost:${PORT}`, cookie: 'better-auth.session_token=a-reviewers-cookie', 'content-type': 'application/x-www-form-urlencoded' },
			new URLSearchParams({ email: `nobody${i}@example.org`, password: 'not the password at all' }).toString()
		);
		statuses.push(response.status);
	}
	expect(statuses.filter((s) => s === 429)).not.toHaveLength(0);
	expect(statuses).not.toContain(500);
});
