import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
	testDir: 'e2e',
	// One app, one embedded database: journeys run one after another, like real people would.
	workers: 1,
	fullyParallel: false,
	timeout: 45_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	globalSetup: './e2e/global-setup.ts',
	// The hostile-input suite goes last: what it may legitimately store (markup, kept as text) changes the
	// demo exchange's texts, which the journeys read. Every journey still sets up what it needs itself.
	projects: [
		{ name: 'journeys', testIgnore: /hostile\.spec\.ts$/ },
		{ name: 'hostile', testMatch: /hostile\.spec\.ts$/, dependencies: ['journeys'] }
	],
	use: {
		baseURL: `http://localhost:${E2E_PORT}`,
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
