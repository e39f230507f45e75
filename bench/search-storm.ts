// A storm of worst-case searches against the built app, on PGlite and on PostgreSQL: while
// 100 clients send API searches of about 40 random words (misspelt and real) plus two facets,
// /healthz is probed every 20 ms and /readyz every 100 ms. Prints the probes' latency p50/p99
// during the storm (goal: /healthz p99 < 200 ms) and the searches' own p50/p99 and statuses.
// Usage: npm run build && npm run bench:storm [-- N] [--searches S] [--concurrency C]
// (N synthetic practices, default 3000; S searches in all, default 400; C clients, default 100;
// PostgreSQL is measured when BENCH_DATABASE_URL or TEST_DATABASE_URL names a server.)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withFreshPostgres } from './fresh-postgres.ts';
import { openDatabase, type Database } from '../src/lib/server/db/client.ts';
import { insertSyntheticPractices } from '../src/lib/server/practices/synthetic.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
	const at = args.indexOf(name);
	return at >= 0 ? Number(args[at + 1]) : fallback;
};
const count = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? process.env.BENCH_PRACTICES ?? 3000);
const searches = option('--searches', 400);
const concurrency = option('--concurrency', 100);
/** New searches stop being sent after this long, whatever is left of the count. */
const STORM_MS = 45_000;
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const PORT = 4330;
const ORIGIN = `http://localhost:${PORT}`;

if (!fs.existsSync('build/handler.js')) {
	console.error('No build: run `npm run build` first.');
	process.exit(2);
}

interface Target {
	name: string;
	env: Record<string, string>;
	open(): Promise<Database>;
}

function startServer(env: Record<string, string>): Promise<ChildProcess> {
	return new Promise((resolve, reject) => {
		const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
		const child = spawn(process.execPath, [...flags, 'server.js'], {
			env: { ...process.env, PORT: String(PORT), LOG_LEVEL: 'warn', ORIGIN: '', ...env },
			stdio: ['ignore', 'pipe', 'inherit']
		});
		let out = '';
		child.stdout!.on('data', (chunk) => {
			out += chunk;
			if (out.includes('Intercambio is running')) resolve(child);
		});
		child.on('exit', (code, signal) => {
			if (!out.includes('Intercambio is running')) reject(new Error(`server exited (${code ?? signal}): ${out}`));
		});
	});
}

const stop = (child: ChildProcess) =>
	new Promise<void>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});

function percentile(sorted: number[], p: number) {
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** Deterministic pseudo-random numbers, so every run sends the same storm. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const REAL =
	'participación ciudadana presupuesto barrio movilidad transporte vivienda saneamiento huertas salud pandemia datos abiertos gobierno juventud mujeres empleo cultura residuos reciclaje clima riesgo participação orçamento bairro mobilidade habitação hortas saúde cidade escola'.split(' ');
const rnd = random(7);
const gibberish = () => Array.from({ length: 4 + Math.floor(rnd() * 6) }, () => 'abcdefghijklmnopqrstuvwxyzáéíóãç'[Math.floor(rnd() * 32)]).join('');
/** About 40 words, half misspelt or invented (each one a trigram lookup for the corrector), and two facets. */
const worstCase = () => {
	const q = Array.from({ length: 38 + Math.floor(rnd() * 5) }, () => (rnd() < 0.5 ? gibberish() : REAL[Math.floor(rnd() * REAL.length)])).join(' ');
	return `/api/v1/practices?${new URLSearchParams({ q, axis: 'participacion-ciudadana', country: 'BR' })}`;
};

const summary = (label: string, latencies: number[]) => {
	const sorted = [...latencies].sort((a, b) => a - b);
	return `${label}: ${sorted.length} probes, p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms`;
};

/** Probe `path` every `everyMs` (each probe on its own, so a slow answer does not hide the next ones). */
function probe(pathname: string, everyMs: number) {
	const latencies: number[] = [];
	const statuses = new Map<string, number>();
	const pending = new Set<Promise<void>>();
	const begun = performance.now();
	let slowest = { ms: 0, at: 0 };
	const timer = setInterval(() => {
		const t0 = performance.now();
		const p = fetch(ORIGIN + pathname, { signal: AbortSignal.timeout(60_000) })
			.then(async (r) => {
				await r.arrayBuffer();
				statuses.set(String(r.status), (statuses.get(String(r.status)) ?? 0) + 1);
			})
			.catch(() => statuses.set('error', (statuses.get('error') ?? 0) + 1))
			.then(() => {
				const ms = performance.now() - t0;
				latencies.push(ms);
				if (ms > slowest.ms) slowest = { ms, at: (t0 - begun) / 1000 };
				pending.delete(p);
			});
		pending.add(p);
	}, everyMs);
	return {
		async stop() {
			clearInterval(timer);
			await Promise.all(pending);
			return { latencies, statuses, slowest };
		}
	};
}

async function storm() {
	const latencies: number[] = [];
	const statuses = new Map<string, number>();
	const samples = new Map<number, string>();
	let sent = 0;
	const started = performance.now();
	const worker = async () => {
		while (sent < searches && performance.now() - started < STORM_MS) {
			sent++;
			const url = worstCase();
			const t0 = performance.now();
			try {
				const response = await fetch(ORIGIN + url, { signal: AbortSignal.timeout(120_000) });
				const body = await response.text();
				statuses.set(String(response.status), (statuses.get(String(response.status)) ?? 0) + 1);
				if (!samples.has(response.status)) samples.set(response.status, body.slice(0, 160));
			} catch {
				statuses.set('error', (statuses.get('error') ?? 0) + 1);
			}
			latencies.push(performance.now() - t0);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return { latencies, statuses, samples, seconds: (performance.now() - started) / 1000 };
}

const counts = (m: Map<string, number>) => [...m].map(([status, n]) => `${status}: ${n}`).join(', ');

async function measure(target: Target) {
	console.log(`\n${target.name}`);
	const setup = await target.open();
	const t0 = Date.now();
	await insertSyntheticPractices(setup.db, count, { places: 100 });
	await setup.close();
	console.log(`  ${count.toLocaleString('en')} synthetic practices inserted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

	const server = await startServer(target.env);
	try {
		// Warm up: one search from each client at once, so the storm measures searches, not the
		// opening of 100 connections and the first compilation of the code (that cold burst alone
		// holds a probe for a few hundred ms, on PostgreSQL as on PGlite). Then the probes alone
		// for a second: the baseline.
		await Promise.all(Array.from({ length: concurrency }, async () => (await fetch(ORIGIN + worstCase())).arrayBuffer()));
		const idle = probe('/healthz', 20);
		await new Promise((r) => setTimeout(r, 1000));
		console.log(`  idle   ${summary('/healthz', (await idle.stop()).latencies)}`);

		const health = probe('/healthz', 20);
		const ready = probe('/readyz', 100);
		const result = await storm();
		const healthResult = await health.stop();
		const readyResult = await ready.stop();
		const sorted = result.latencies.sort((a, b) => a - b);
		console.log(`  storm  ${summary('/healthz', healthResult.latencies)} (${counts(healthResult.statuses)}; slowest sent ${healthResult.slowest.at.toFixed(1)} s into the storm)`);
		console.log(`  storm  ${summary('/readyz', readyResult.latencies)} (${counts(readyResult.statuses)})`);
		console.log(
			`  storm  searches: ${sorted.length} from ${concurrency} clients in ${result.seconds.toFixed(1)} s, ` +
				`p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms (${counts(result.statuses)})`
		);
		for (const [status, body] of result.samples) if (status !== 200) console.log(`         a ${status} said: ${body}`);
		const p99 = percentile([...healthResult.latencies].sort((a, b) => a - b), 99);
		console.log(`  → /healthz p99 ${p99.toFixed(0)} ms during the storm: ${p99 < 200 ? 'goal met (< 200 ms)' : 'GOAL MISSED (≥ 200 ms)'}`);
		if (p99 >= 200 || result.statuses.has('500')) process.exitCode = 1;
	} finally {
		await stop(server);
	}
}

console.log(
	`Search storm: ${searches} worst-case API searches (about 40 random words + two facets) from ${concurrency} clients, ` +
		`${count.toLocaleString('en')} practices, against the built app (node server.js), on ${os.cpus().length} cores`
);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-bench-storm-'));
try {
	await measure({ name: 'PGlite (embedded, one process)', env: { DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => openDatabase({ dataDir }) });
} finally {
	fs.rmSync(dataDir, { recursive: true, force: true });
}

if (serverUrl) {
	const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-bench-storm-'));
	try {
		await withFreshPostgres(serverUrl, (url) =>
			measure({
				name: 'PostgreSQL',
				env: { DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString('hex'), DATA_DIR: pgDir },
				open: () => openDatabase({ url, poolSize: 2 })
			})
		);
	} finally {
		fs.rmSync(pgDir, { recursive: true, force: true });
	}
} else {
	console.log('\n(PostgreSQL not measured: set BENCH_DATABASE_URL or TEST_DATABASE_URL.)');
}
