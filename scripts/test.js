// `npm test`: everything CI checks, with the project's Node (24) for every tool.
// architecture check → messages → SvelteKit types → { type check ∥ unit/integration tests on PGlite (and PostgreSQL
// when TEST_DATABASE_URL is set) } → production build → browser journeys in Debian's Chromium against the built app.
// The type check and the tests run side by side (neither writes what the other reads); the build does not join
// them, because its Paraglide plugin empties and rewrites src/lib/paraglide, which both read.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
/** @param {string} pkg @param {string} file */
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
/** @typedef {{ passed: number, failed: number } | null} Counts */
/** @type {{ name: string, ok: boolean, seconds: number, counts: Counts }[]} */
const results = [];

/**
 * Run one step; record pass/fail and how many tests it counted.
 * @param {string} name @param {string[]} args @param {Record<string, string>} [env] @param {() => Counts} [count]
 */
function step(name, args, env = {}, count = () => null) {
	console.log(`\n━━ ${name}`);
	const started = Date.now();
	const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	const ok = run.status === 0;
	results.push({ name, ok, seconds: (Date.now() - started) / 1000, counts: count() });
	return ok;
}

/**
 * The same as step, run beside others: its output is held and printed in one piece when it ends.
 * @param {string} name @param {string[]} args @param {Record<string, string>} [env] @param {() => Counts} [count]
 * @returns {Promise<boolean>}
 */
function stepBeside(name, args, env = {}, count = () => null) {
	const started = Date.now();
	const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}), ...env } });
	/** @type {Buffer[]} */
	const output = [];
	child.stdout.on('data', (chunk) => output.push(chunk));
	child.stderr.on('data', (chunk) => output.push(chunk));
	return new Promise((resolve) => {
		child.on('close', (code) => {
			const seconds = (Date.now() - started) / 1000;
			console.log(`\n━━ ${name}`);
			process.stdout.write(Buffer.concat(output));
			const ok = code === 0;
			results.push({ name, ok, seconds, counts: count() });
			resolve(ok);
		});
	});
}

/** @param {string} file @returns {Counts} */
function vitestCounts(file) {
	try {
		const report = JSON.parse(fs.readFileSync(file, 'utf8'));
		return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numFailedTestSuites ?? 0) };
	} catch {
		return null;
	}
}

/** @param {string} file @returns {Counts} */
function playwrightCounts(file) {
	try {
		const report = JSON.parse(fs.readFileSync(file, 'utf8'));
		return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
	} catch {
		return null;
	}
}

fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
const onlyUnit = process.argv.includes('--unit');

const prepared =
	step('Architecture check (routes hold no database; domains meet through index.ts)', [path.join(root, 'scripts', 'check-architecture.ts')]) &&
	step('Compile messages (Paraglide)', [path.join(root, 'scripts', 'paraglide.ts')]) &&
	step('Generate SvelteKit types', [bin('@sveltejs/kit', 'svelte-kit.js'), 'sync']);

const vitestReport = path.join(root, 'test-results', 'vitest.json');
fs.rmSync(vitestReport, { force: true });
console.log('\n━━ Type check and unit/integration tests, side by side (each printed when it ends)');
await Promise.all([
	prepared && stepBeside('Type check (svelte-check)', [bin('svelte-check', 'bin/svelte-check'), '--tsconfig', './tsconfig.json', '--threshold', 'error', '--output', 'human']),
	stepBeside(
		process.env.TEST_DATABASE_URL ? 'Unit and integration tests (PGlite and PostgreSQL)' : 'Unit and integration tests (PGlite; set TEST_DATABASE_URL to add PostgreSQL)',
		[bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
		// The messages were compiled above (vitest.setup.ts compiles them otherwise): compiling again would empty
		// src/lib/paraglide under the type check.
		prepared ? { PARAGLIDE_COMPILED: '1' } : {},
		() => vitestCounts(vitestReport)
	)
]);

if (!onlyUnit) {
	if (step('Production build', [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn'])) {
		const e2eReport = path.join(root, 'test-results', 'e2e.json');
		fs.rmSync(e2eReport, { force: true });
		step('Browser journeys (Playwright in Chromium, axe)', [bin('@playwright/test', 'cli.js'), 'test'], {}, () => playwrightCounts(e2eReport));
	}
}

console.log('\n━━ Summary');
let passed = 0;
let failed = 0;
for (const r of results) {
	const counts = r.counts ? ` (${r.counts.passed} passed, ${r.counts.failed} failed)` : '';
	console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${counts}  ${r.seconds.toFixed(1)} s`);
	if (r.counts) {
		passed += r.counts.passed;
		failed += r.counts.failed;
	}
	if (!r.ok && !(r.counts && r.counts.failed)) failed += 1;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
