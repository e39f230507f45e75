import { defineConfig } from 'vitest/config';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide.config.ts';

// Domain tests run without SvelteKit: they import src/lib/server/** directly.
export default defineConfig({
	plugins: [
		paraglideVitePlugin(paraglideOptions)
	],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// PGlite instances are heavy; a few files at a time keeps a 2-core machine responsive.
		maxWorkers: 2
	}
});
