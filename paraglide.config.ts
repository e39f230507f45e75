import type { CompilerOptions } from '@inlang/paraglide-js';

/**
 * One set of Paraglide options for the app build, the tests and the type check,
 * so every step compiles the same runtime into src/lib/paraglide.
 */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// The locale lives in the URL only: "/" is Spanish, "/pt" and "/en" the others.
	// No cookie strategy, so a shared link always opens in the language it names.
	strategy: ['url', 'baseLocale'],
	urlPatterns: [
		{
			pattern: '/:path(.*)?',
			localized: [
				['pt', '/pt/:path(.*)?'],
				['en', '/en/:path(.*)?'],
				['es', '/:path(.*)?']
			]
		}
	]
} satisfies CompilerOptions;
