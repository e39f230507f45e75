import { test, expect, chromium } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OWN_SERVER_PORTS } from '../playwright.config.ts';

// The production server as a system administrator starts it, with configurations the main
// journeys do not use: a wrong value, an http intranet address, an https public address.

// A fresh server's first start (a new embedded database, the demo loaded) can take most of a minute on a
// busy machine running the journeys' servers beside it: the 45 s of a journey is too tight for it.
test.describe.configure({ timeout: 90_000 });

const started: ChildProcess[] = [];
test.afterAll(async () => {
	for (const child of started) {
		child.kill('SIGTERM');
		await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
	}
});

/** Starts `node server.js` on a fresh data dir; resolves with the first organiser's sign-in link. */
async function startServer(env: Record<string, string>): Promise<string> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-server-'));
	const child = spawn(process.execPath, ['server.js'], {
		env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ORIGIN: '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	started.push(child);
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	await expect.poll(() => output, { timeout: 60_000 }).toContain('Intercambio is running at');
	const link = /(http\S+\/api\/auth\/magic-link\/verify\?\S+)/.exec(output)?.[1];
	expect(link, output).toBeTruthy();
	return link!;
}

test('a wrong setting stops the start with a message naming the variable', () => {
	const result = spawnSync(process.execPath, ['server.js'], { env: { ...process.env, PORT: 'abc' }, encoding: 'utf8', timeout: 30_000 });
	expect(result.status).toBe(1);
	expect(result.stderr).toContain('Intercambio cannot start: PORT must be a whole number from 1 to 65535, got "abc".');
	expect(result.stderr).not.toContain('RangeError');
});

test('on an http intranet address an organiser signs in: the session cookie is not marked Secure', async () => {
	const port = OWN_SERVER_PORTS.intranet;
	const link = await startServer({ PORT: String(port), ORIGIN: `http://intranet.example:${port}` });
	expect(link.startsWith(`http://intranet.example:${port}/`)).toBe(true);
	// The browser resolves the intranet name to this machine, as the intranet's DNS would.
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP intranet.example 127.0.0.1`]
	});
	try {
		const page = await browser.newPage();
		await page.goto(link);
		await expect(page).toHaveURL(`http://intranet.example:${port}/admin`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const cookies = await page.context().cookies();
		const session = cookies.find((c) => c.name.endsWith('better-auth.session_token'));
		expect(session?.name).toBe('better-auth.session_token');
		expect(session?.secure).toBe(false);
		// Signed in for real: the next page of the organisers' area opens without a new sign-in.
		await page.goto(`http://intranet.example:${port}/admin/account`);
		await expect(page).toHaveURL(`http://intranet.example:${port}/admin/account`);
	} finally {
		await browser.close();
	}
});

test('on an https public address the session cookie is Secure', async () => {
	const port = OWN_SERVER_PORTS.https;
	const link = await startServer({ PORT: String(port), ORIGIN: 'https://intercambio.example.org' });
	// The proxy would forward https://intercambio.example.org/… here; ask the app directly.
	const local = new URL(link);
	const response = await fetch(`http://127.0.0.1:${port}${local.pathname}${local.search}`, { redirect: 'manual' });
	expect(response.status).toBe(302);
	const cookie = response.headers.getSetCookie().find((c) => c.includes('session_token='));
	expect(cookie).toMatch(/^__Secure-better-auth\.session_token=/);
	expect(cookie).toMatch(/;\s*Secure/i);
});
