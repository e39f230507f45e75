// A burst of registrations against the built app, on PGlite and on PostgreSQL: throughput,
// p50/p95/p99, then the rows and the confirmation mails counted (exactly one of each per
// person). Then the same burst while the server is killed with SIGKILL and restarted halfway:
// every registration that was answered with success must be there after the restart, once.
// Usage: npm run build && npm run bench:registrations [-- N] [--concurrency C]
// (PostgreSQL is measured when BENCH_DATABASE_URL or TEST_DATABASE_URL names a server.)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { withFreshPostgres } from './fresh-postgres.ts';
import { openDatabase, type Database } from '../src/lib/server/db/client.ts';
import { seedDemoExchange } from '../src/lib/server/demo/index.ts';
import { testCtx } from '../src/lib/server/testing/factories.ts';
import { event, eventSession } from '../src/lib/server/events/schema.ts';
import { outbox } from '../src/lib/server/mail/schema.ts';
import { registration } from '../src/lib/server/registrations/schema.ts';

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 5000);
const concurrencyArg = args.indexOf('--concurrency');
const concurrency = concurrencyArg >= 0 ? Number(args[concurrencyArg + 1]) : 100;
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const PORT = 4320;
const ORIGIN = `http://localhost:${PORT}`;
const DOMAIN = 'bench.example';

if (!fs.existsSync('build/handler.js')) {
	console.error('No build: run `npm run build` first.');
	process.exit(2);
}

interface Target {
	name: string;
	env: Record<string, string>;
	open(): Promise<Database>;
}

/** The demo exchange, with its first session moved to tomorrow so registration is open. */
async function prepare(database: Database): Promise<{ slug: string; sessionId: string }> {
	await seedDemoExchange(testCtx(database.db, { kind: 'system', job: 'seed' }));
	const [ev] = await database.db.select({ id: event.id, slug: event.slug }).from(event);
	const [first] = await database.db.select({ id: eventSession.id }).from(eventSession).where(eq(eventSession.eventId, ev.id)).orderBy(asc(eventSession.startsAt));
	const start = new Date(Date.now() + 86_400_000);
	await database.db.update(eventSession).set({ startsAt: start, endsAt: new Date(start.getTime() + 2 * 3600_000), capacity: null }).where(eq(eventSession.id, first.id));
	return { slug: ev.slug, sessionId: first.id };
}

function startServer(env: Record<string, string>): Promise<ChildProcess> {
	return new Promise((resolve, reject) => {
		// BENCH_NODE_FLAGS: flags for the server's Node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
		const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
		const child = spawn(process.execPath, [...flags, 'server.js'], {
			// Each simulated person comes from their own address (as on the Internet): the app
			// reads it from X-Forwarded-For, so per-address rate limits apply per person.
			env: { ...process.env, PORT: String(PORT), LOG_LEVEL: 'warn', ORIGIN: '', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', ...env },
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

const stop = (child: ChildProcess, signal: NodeJS.Signals) =>
	new Promise<void>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill(signal);
	});

function percentile(sorted: number[], p: number) {
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/**
 * Send `count` registrations from `concurrency` clients. A request that gets no answer (the
 * server is down) is sent again until it is answered; only a 303 to the "check your mail"
 * page counts as success.
 */
async function burst(params: { slug: string; sessionId: string; label: string; onCompleted?: (done: number) => void }) {
	const latencies: number[] = [];
	const succeeded = new Set<string>();
	let next = 0;
	let failures = 0;
	let retries = 0;
	const started = performance.now();
	const worker = async () => {
		while (next < count) {
			const i = next++;
			const email = `p${i}@${DOMAIN}`;
			const body = new URLSearchParams({
				sessions: params.sessionId,
				name: `Persona ${i}`,
				email,
				country: ['UY', 'AR', 'BR', 'PY', 'CL'][i % 5],
				city: 'Montevideo',
				institution: 'Intendencia',
				institutionType: 'local_government',
				role: 'Planificación',
				timeZone: 'America/Montevideo',
				consent: 'on',
				website: '',
				altcha: ''
			}).toString();
			for (;;) {
				const t0 = performance.now();
				try {
					const response = await fetch(`${ORIGIN}/events/${params.slug}/register`, {
						method: 'POST',
						body,
						redirect: 'manual',
						headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: ORIGIN, 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }
					});
					await response.arrayBuffer();
					if (response.status === 303 && (response.headers.get('location') ?? '').endsWith('/register/sent')) {
						latencies.push(performance.now() - t0);
						succeeded.add(email);
						params.onCompleted?.(succeeded.size);
					} else {
						failures++;
					}
					break;
				} catch {
					// No answer: the server is down or restarting. Try again shortly.
					retries++;
					await new Promise((r) => setTimeout(r, 100));
				}
			}
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	console.log(
		`  ${params.label}: ${count.toLocaleString('en')} registrations from ${concurrency} clients in ${seconds.toFixed(1)} s: ` +
			`${(count / seconds).toFixed(0)} registrations/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, ` +
			`p99 ${percentile(latencies, 99).toFixed(0)} ms; ${succeeded.size} succeeded, ${failures} refused, ${retries} retried after no answer`
	);
	return succeeded;
}

async function countAfter(target: Target, succeeded: Set<string>, label: string) {
	const database = await target.open();
	try {
		const rows = await database.db.select({ email: registration.email }).from(registration).where(like(registration.email, `%@${DOMAIN}`));
		const emails = new Set(rows.map((r) => r.email));
		const [mails] = await database.db
			.select({ total: sql<number>`count(*)::int`, people: sql<number>`count(distinct ${outbox.recipient})::int` })
			.from(outbox)
			.where(and(eq(outbox.template, 'registration-confirm'), like(outbox.recipient, `%@${DOMAIN}`)));
		const missing = [...succeeded].filter((e) => !emails.has(e)).length;
		const ok = succeeded.size === count && rows.length === count && emails.size === count && mails.total === count && mails.people === count && missing === 0;
		console.log(
			`  ${label}: ${rows.length.toLocaleString('en')} registration rows (${emails.size} distinct), ${mails.total.toLocaleString('en')} confirmation mails ` +
				`(${mails.people} people), ${missing} answered registrations missing → ${ok ? 'exactly one of each per person' : 'MISMATCH'}`
		);
		if (!ok) process.exitCode = 1;
		await database.db.delete(registration).where(like(registration.email, `%@${DOMAIN}`));
		await database.db.delete(outbox).where(like(outbox.recipient, `%@${DOMAIN}`));
	} finally {
		await database.close();
	}
}

async function measure(target: Target) {
	console.log(`\n${target.name}`);
	const setup = await target.open();
	const { slug, sessionId } = await prepare(setup);
	await setup.close();

	let server = await startServer(target.env);
	const plain = await burst({ slug, sessionId, label: 'burst' });
	await stop(server, 'SIGTERM');
	await countAfter(target, plain, 'afterwards');

	server = await startServer(target.env);
	let killed = false;
	let restarting: Promise<void> | null = null;
	const crashed = await burst({
		slug,
		sessionId,
		label: 'burst with SIGKILL halfway',
		onCompleted: (done) => {
			if (killed || done < count / 2) return;
			killed = true;
			restarting = (async () => {
				await stop(server, 'SIGKILL');
				const t0 = performance.now();
				server = await startServer(target.env);
				console.log(`  server killed with SIGKILL after ${done.toLocaleString('en')} answers; back in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
			})();
		}
	});
	await restarting;
	await stop(server, 'SIGTERM');
	await countAfter(target, crashed, 'after the kill and restart');
}

console.log(`Registration burst: ${count.toLocaleString('en')} people, ${concurrency} concurrent clients, against the built app (node server.js)`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-bench-reg-'));
await measure({
	name: 'PGlite (embedded, one process)',
	env: { DATA_DIR: dataDir, DATABASE_URL: '' },
	open: () => openDatabase({ dataDir })
});
fs.rmSync(dataDir, { recursive: true, force: true });

if (serverUrl) {
	const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-bench-reg-'));
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
