import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env.E2E_PORT || 4173);
/**
 * Journeys run on this many Playwright workers, and global-setup starts as many built servers: server n
 * listens on E2E_PORT + n with its own fresh embedded database (.e2e-data/server-n), and worker slot n
 * drives only server n. So a journey sees only what it, and the journeys before it on the same server,
 * did — never rely on another spec's data; set up what a journey needs in the journey.
 */
export const E2E_SERVERS = Math.min(8, Math.max(1, Number(process.env.E2E_WORKERS || 2)));
/** The server this process drives: its worker's slot (stable when a worker restarts after a failure); 0 in the runner. */
export const SERVER_INDEX = Number(process.env.TEST_PARALLEL_INDEX || 0);
export const serverPort = (index: number) => E2E_PORT + index;
/**
 * Ports for the specs that start a server of their own (edge, server-config), also from E2E_PORT, so two
 * runs with different E2E_PORTs never meet on a port. They stay above the journeys' servers (E2E_SERVERS ≤ 8).
 */
export const OWN_SERVER_PORTS = { edge: E2E_PORT + 8, intranet: E2E_PORT + 9, https: E2E_PORT + 10 };

export default defineConfig({
	testDir: 'e2e',
	// One app and one embedded database per worker (see E2E_SERVERS); within a file, tests run in order.
	workers: E2E_SERVERS,
	fullyParallel: false,
	// Not test-results/ itself: Playwright empties its outputDir, and Vitest's report lives beside it.
	outputDir: 'test-results/playwright',
	timeout: 45_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	globalSetup: './e2e/global-setup.ts',
	// The hostile-input suite goes last: what it may legitimately store (markup, kept as text) changes the
	// demo exchange's texts, which the journeys read. Every journey still sets up what it needs itself.
	// It starts once every journey on every server is done; its shares of the route tree run side by side, one per server.
	projects: [
		{ name: 'journeys', testIgnore: /hostile\.spec\.ts$/ },
		{ name: 'hostile', testMatch: /hostile\.spec\.ts$/, dependencies: ['journeys'] }
	],
	use: {
		// Each worker loads this file itself, with its own TEST_PARALLEL_INDEX: use `baseURL` (or relative
		// paths), never a hard-coded port.
		baseURL: `http://localhost:${serverPort(SERVER_INDEX)}`,
		locale: 'es-UY',
		timezoneId: 'America/Montevideo',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	}
});
