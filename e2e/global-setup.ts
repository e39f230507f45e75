import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { request } from '@playwright/test';
import { E2E_SERVERS, SERVER_INDEX, serverPort } from '../playwright.config.ts';

export const E2E_DATA = path.resolve('.e2e-data');
/** Server n's folder: its embedded database, its log, its organiser's links and session. */
const serverDir = (index: number) => path.join(E2E_DATA, `server-${index}`);
const firstLinkFile = (index: number) => path.join(serverDir(index), 'first-sign-in-link.txt');
const organiserState = (index: number) => path.join(serverDir(index), 'organiser-state.json');
/**
 * The one-time link the first start of this worker's server printed: the organiser journey signs in with it,
 * as a new user would.
 */
export const FIRST_LINK_FILE = firstLinkFile(SERVER_INDEX);
/**
 * A signed-in session of the same first organiser, made here from a second one-time link (the app prints a
 * fresh one at each start while that organiser has never signed in). Every journey that needs an organiser
 * uses it, so no journey depends on another having run first.
 */
export const ORGANISER_STATE = organiserState(SERVER_INDEX);
export const ORGANISER_EMAIL = 'organiser@intercambio.localhost';

const SIGN_IN_LINK = /(http:\/\/\S+\/api\/auth\/magic-link\/verify\?\S+)/;

/** Start the built app as a new user would (node server.js on the embedded database) and wait until it runs. */
async function startApp(index: number, log: fs.WriteStream): Promise<{ server: ChildProcess; output: string }> {
	const server = spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			PORT: String(serverPort(index)),
			DATA_DIR: path.join(serverDir(index), 'data'),
			ORGANISER_EMAIL,
			LOG_LEVEL: 'warn',
			// Every journey posts from 127.0.0.1: one client address for a whole day of visitors.
			MAIL_CAP_PER_CLIENT: '100000',
			ORIGIN: '',
			DATABASE_URL: ''
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	server.stdout!.on('data', (chunk) => {
		output += chunk;
		log.write(chunk);
	});
	server.stderr!.on('data', (chunk) => log.write(chunk));
	await new Promise<void>((resolve, reject) => {
		// A first start (new database, migrations, the demo) takes ~10 s of CPU; with every server starting at once on
		// a busy machine it has taken 40 s and more.
		const timer = setTimeout(() => reject(new Error(`The app did not start in 120 s:\n${output}`)), 120_000);
		const exited = (code: number | null) => reject(new Error(`The app exited with ${code}:\n${output}`));
		server.on('exit', exited);
		const running = () => {
			if (!output.includes('Intercambio is running at')) return;
			server.stdout!.off('data', running);
			clearTimeout(timer);
			server.off('exit', exited);
			resolve();
		};
		server.stdout!.on('data', running);
	});
	return { server, output };
}

async function stopApp(server: ChildProcess) {
	if (server.exitCode !== null) return;
	const exited = new Promise((resolve) => server.once('exit', resolve));
	server.kill('SIGTERM');
	await exited;
}

function signInLink(output: string): string {
	const link = SIGN_IN_LINK.exec(output)?.[1];
	if (!link) throw new Error(`The app printed no first sign-in link:\n${output}`);
	return link;
}

/**
 * A fresh installation (new embedded database), started twice: the first start's one-time link is kept for
 * the organiser journey; the second start's link signs in the session every other journey shares.
 * Returns the running second start.
 */
async function prepareServer(index: number): Promise<{ server: ChildProcess; log: fs.WriteStream }> {
	fs.mkdirSync(serverDir(index), { recursive: true });
	const log = fs.createWriteStream(path.join(serverDir(index), 'server.log'));
	const first = await startApp(index, log);
	fs.writeFileSync(firstLinkFile(index), signInLink(first.output));
	await stopApp(first.server);

	const { server, output } = await startApp(index, log);
	try {
		const api = await request.newContext({ baseURL: `http://localhost:${serverPort(index)}` });
		const response = await api.get(signInLink(output), { maxRedirects: 0 });
		if (response.status() !== 302 && response.status() !== 303) throw new Error(`Server ${index}: the second sign-in link answered ${response.status()}.`);
		await api.storageState({ path: organiserState(index) });
		await api.dispose();
	} catch (error) {
		await stopApp(server);
		throw error;
	}
	return { server, log };
}

/** One fresh installation per worker (E2E_SERVERS), prepared side by side. */
export default async function globalSetup() {
	fs.rmSync(E2E_DATA, { recursive: true, force: true });
	fs.mkdirSync(E2E_DATA, { recursive: true });
	if (!fs.existsSync('build/handler.js')) throw new Error('No build: run `npm run build` first (npm test does).');
	const started = Date.now();
	const prepared = await Promise.allSettled(Array.from({ length: E2E_SERVERS }, (_, index) => prepareServer(index)));
	const servers = prepared.flatMap((p) => (p.status === 'fulfilled' ? [p.value] : []));
	const stopAll = async () => {
		await Promise.all(servers.map(({ server }) => stopApp(server)));
		for (const { log } of servers) log.end();
	};
	const failed = prepared.find((p) => p.status === 'rejected');
	if (failed) {
		await stopAll();
		throw failed.reason;
	}
	console.log(`${E2E_SERVERS} app server(s) ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return stopAll;
}
