import { defineConfig } from 'vitest/config';

// Domain tests run without SvelteKit: they import src/lib/server/** directly.
// Messages are compiled once before the run (see vitest.setup.ts), not by the Vite plugin,
// whose inlang SDK keeps the process alive for half a minute after it is done.
export default defineConfig({
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		globalSetup: ['./vitest.setup.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// PGlite instances are heavy; a few files at a time keeps a 2-core machine responsive.
		maxWorkers: 2
	}
});
