import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { E2E_PORT } from '../playwright.config.ts';

export const E2E_DATA = path.resolve('.e2e-data');
export const FIRST_LINK_FILE = path.join(E2E_DATA, 'first-sign-in-link.txt');

/**
 * Start the built app as a new user would (node server.js on a fresh embedded database),
 * and keep the one-time sign-in link it prints for the first organiser.
 */
export default async function globalSetup() {
	fs.rmSync(E2E_DATA, { recursive: true, force: true });
	fs.mkdirSync(E2E_DATA, { recursive: true });
	if (!fs.existsSync('build/handler.js')) throw new Error('No build: run `npm run build` first (npm test does).');
	const server = spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			PORT: String(E2E_PORT),
			DATA_DIR: path.join(E2E_DATA, 'data'),
			ORGANISER_EMAIL: 'organiser@intercambio.localhost',
			LOG_LEVEL: 'warn',
			ORIGIN: '',
			DATABASE_URL: ''
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const log = fs.createWriteStream(path.join(E2E_DATA, 'server.log'));
	server.stdout.on('data', (chunk) => {
		output += chunk;
		log.write(chunk);
	});
	server.stderr.on('data', (chunk) => log.write(chunk));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`The app did not start in 60 s:\n${output}`)), 60_000);
		server.on('exit', (code) => reject(new Error(`The app exited with ${code}:\n${output}`)));
		const check = setInterval(() => {
			if (output.includes('Intercambio is running at')) {
				clearInterval(check);
				clearTimeout(timer);
				resolve();
			}
		}, 100);
	});
	const link = /(http:\/\/\S+\/api\/auth\/magic-link\/verify\?\S+)/.exec(output)?.[1];
	if (!link) throw new Error(`The app printed no first sign-in link:\n${output}`);
	fs.writeFileSync(FIRST_LINK_FILE, link);
	return async () => {
		server.kill('SIGTERM');
		await new Promise((resolve) => server.once('exit', resolve));
	};
}
