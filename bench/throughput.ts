// Requests per second for anonymous practice and search pages, against the built app and,
// in the same run, a bare Node http server returning the same HTML: the ratio is printed.
// Usage: npm run build && npm run bench:throughput   (seconds per measurement: BENCH_SECONDS, default 10)
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const APP_PORT = 4310;
const BARE_PORT = 4311;
const PRACTICE = '/practices/presupuesto-participativo-barrios-votacion-digital-presencial';
const SEARCH = '/practices?q=participacion&country=AR&axis=participacion-ciudadana';

function start(args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout!.on('data', (chunk) => {
			out += chunk;
			if (out.includes(ready)) resolve(child);
		});
		child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
	});
}

async function load(url: string, headers: Record<string, string> = {}) {
	// One second of warm-up (JIT, caches), not counted.
	await autocannon({ url, connections, duration: 1, headers });
	const result = await autocannon({ url, connections, duration: seconds, headers });
	if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
	return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-bench-'));
const app = await start(['server.js'], { PORT: String(APP_PORT), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ORIGIN: '', DATABASE_URL: '' }, 'Intercambio is running');
const bareScript = `
	const http = require('node:http');
	let bodies = {};
	process.on('message', (m) => { bodies = m; process.send('ok'); });
	http.createServer((req, res) => {
		const body = bodies[req.url];
		res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
		res.end(body ?? '');
	}).listen(${BARE_PORT}, () => console.log('bare ready'));
`;
let bare: ChildProcess | null = null;
try {
	const origin = `http://localhost:${APP_PORT}`;
	const bodies: Record<string, string> = {};
	for (const p of [PRACTICE, SEARCH]) {
		const response = await fetch(origin + p);
		if (!response.ok) throw new Error(`${p}: ${response.status}`);
		bodies[p] = await response.text();
	}
	bare = spawn(process.execPath, ['-e', bareScript], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
	await new Promise<void>((resolve) => bare!.stdout!.on('data', (c) => String(c).includes('bare ready') && resolve()));
	await new Promise<void>((resolve) => {
		bare!.once('message', () => resolve());
		bare!.send(bodies);
	});

	console.log(`Throughput: ${connections} connections, ${seconds} s each, on ${os.cpus().length} cores (${os.cpus()[0].model})\n`);
	console.log('page'.padEnd(10), 'server'.padEnd(26), 'req/s'.padStart(9), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'vs bare'.padStart(9));
	for (const [name, p] of [['practice', PRACTICE], ['search', SEARCH]] as const) {
		const bareResult = await load(`http://localhost:${BARE_PORT}${p}`);
		const cached = await load(origin + p);
		const uncached = await load(origin + p, { 'cache-control': 'no-cache' });
		const row = (label: string, r: typeof bareResult) =>
			console.log(name.padEnd(10), label.padEnd(26), r.rps.toFixed(0).padStart(9), String(r.p50).padStart(8), String(r.p99).padStart(8), (r.rps / bareResult.rps).toFixed(2).padStart(9));
		row('bare node:http, same HTML', bareResult);
		row('app, cached (anonymous)', cached);
		row('app, uncached', uncached);
	}
	console.log(`\nHTML sizes: practice ${bodies[PRACTICE].length.toLocaleString('en')} B, search ${bodies[SEARCH].length.toLocaleString('en')} B (uncompressed).`);
} finally {
	bare?.kill();
	app.kill('SIGTERM');
	await new Promise((r) => app.once('exit', r));
	fs.rmSync(dataDir, { recursive: true, force: true });
}
