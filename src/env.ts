import { defineEnvVars } from '@sveltejs/kit/env';
import { VARIABLES } from '#lib/server/config.ts';

// The variables are declared to SvelteKit from the one definition in config.ts (same parsers,
// same messages); the app itself reads the parsed Config (runtime.ts), never $app/env directly.
export const variables = defineEnvVars(
	Object.fromEntries(
		Object.entries(VARIABLES).map(([name, { parse, description }]) => [name, { schema: (value: string | undefined) => parse(value), description }])
	) as { [K in keyof typeof VARIABLES]: { schema: (value: string | undefined) => ReturnType<(typeof VARIABLES)[K]['parse']>; description: string } }
);
