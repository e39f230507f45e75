import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

/**
 * Before any test file: compile the messages into src/lib/paraglide, and migrate the test databases once
 * (a PGlite dump and a PostgreSQL template) that every file's fresh database is copied from.
 */
export default async function setup(project: TestProject) {
	// npm test compiled them already, and runs the type check beside: a second compile would empty the folder under it.
	if (process.env.PARAGLIDE_COMPILED !== '1') execFileSync(process.execPath, ['scripts/paraglide.ts'], { stdio: 'inherit' });
	const { prepareTestDatabases } = await import('./src/lib/server/db/testing.ts');
	const { prepared, teardown } = await prepareTestDatabases();
	project.provide('testDatabases', prepared);
	return teardown;
}
