// The production server: serves the built app (build/handler.js) over plain HTTP.
// It decides the app's public origin at run time, so one build works on
// http://localhost:PORT and behind an https proxy alike.
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import compression from 'compression';
import process from 'node:process';
import { ConfigError, loadConfig } from './src/lib/server/config.ts';
import { host } from './src/lib/server/host.ts';
import { allowedHosts, effectiveHost, MISDIRECTED_BODY, refusedHost } from './src/lib/server/http/allowed-hosts.ts';
import { CLIENT_ADDRESS_HEADER } from './src/lib/server/http/client-address.ts';

// Configuration is parsed once, here, before anything reads or changes process.env: a wrong value
// stops the start with a message naming the variable. The app takes this same Config (host.ts).
let config;
try {
	config = loadConfig(process.env);
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	console.error(`\nIntercambio cannot start: ${error.message}\n`);
	process.exit(1);
}
const bridge = host();
bridge.config = config;
const { port, host: address } = config;

// adapter-node assumes https unless told otherwise, and SvelteKit refuses form posts whose
// Origin differs from the URL it derives. We feed it the protocol (and, with ORIGIN, the host)
// through private headers that we overwrite on every request, so clients cannot spoof them.
// These variables are adapter-node's own; the app reads its settings from `config` above.
const PROTO = 'x-intercambio-proto';
const HOST = 'x-intercambio-host';
const fixed = config.originConfigured ? { proto: new URL(config.origin).protocol.replace(':', ''), host: new URL(config.origin).host } : null;
if (fixed) {
	process.env.PROTOCOL_HEADER = PROTO;
	process.env.HOST_HEADER = HOST;
} else if (!config.protocolHeader) {
	process.env.PROTOCOL_HEADER = PROTO;
}
const ownProto = process.env.PROTOCOL_HEADER === PROTO;

// Practices may carry files up to 20 MB (checked again by the domain); forms stay small otherwise.
process.env.BODY_SIZE_LIMIT ??= '21M';

// A taken port is found before the app opens its database: quitting in the middle of the
// database's first initialisation would leave it half-made.
await new Promise((resolve) => {
	const probe = net.createServer();
	probe.once('error', (error) => {
		console.error(error.code === 'EADDRINUSE' ? `\nPort ${port} is already in use. Set PORT to another port.\n` : error);
		process.exit(1);
	});
	probe.listen({ port, host: address }, () => probe.close(resolve));
});

let handler;
try {
	({ handler } = await import('./build/handler.js'));
} catch (error) {
	console.error(`\nIntercambio could not start: ${error instanceof Error ? error.message : error}\n`);
	process.exit(1);
}

// Pages and data are gzipped on the fly (many visitors are on slow connections); static
// assets are already precompressed by the build, and the middleware leaves those alone.
const compress = compression({ threshold: 1024 });


// The hosts this instance answers to (allowed-hosts.ts); any other gets a 421 before the cache.
const hosts = allowedHosts(config);
const logsInfo = ['trace', 'debug', 'info'].includes(config.logLevel);
// The same headers every response of the app carries (src/lib/server/http/security-headers.ts).
const closedHeaders = {
	'content-type': 'text/plain; charset=utf-8',
	'cache-control': 'no-store',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()',
	'content-security-policy': "default-src 'none'; frame-ancestors 'none'"
};

const server = http.createServer((req, res) => {
	// A forged Host would put its name in links, and the cache would serve that page to everyone.
	const refused = refusedHost(config, hosts, req.headers);
	if (refused !== null) {
		const requestId = crypto.randomUUID();
		if (logsInfo) {
			const line = { level: 30, time: Date.now(), reqId: requestId, method: req.method, path: (req.url ?? '').split('?')[0].slice(0, 200), host: refused.slice(0, 200), status: 421, msg: 'request for another host refused' };
			process.stdout.write(`${JSON.stringify(line)}\n`);
		}
		res.writeHead(421, { ...closedHeaders, 'x-request-id': requestId });
		res.end(MISDIRECTED_BODY);
		return;
	}
	// A path starting with `//` (`//x/..`) reads as another host to the URL parser: the language
	// middleware threw on it and took the process down. It is a bad request: `/%` is a path
	// SvelteKit cannot decode, which it answers with the friendly 400 page through the hooks
	// (security headers, one log line at info level).
	if (req.url?.startsWith('//')) req.url = '/%';
	// The address header is ours (set by the app from the socket): a client's value never gets in.
	delete req.headers[CLIENT_ADDRESS_HEADER];
	// Anonymous public pages already rendered: answer from memory, before any framework work.
	const hit = req.method === 'GET' ? bridge.lookupCache?.(req.method, req.url ?? '/', { ...req.headers, host: effectiveHost(config, req.headers) }) : null;
	if (hit) {
		res.writeHead(hit.status, [...hit.headers, ['x-request-id', crypto.randomUUID()]].flat());
		res.end(hit.body);
		return;
	}
	if (ownProto) req.headers[PROTO] = fixed ? fixed.proto : 'http';
	if (fixed) req.headers[HOST] = fixed.host;
	compress(req, res, () =>
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		})
	);
});

server.on('error', (error) => {
	if (error.code === 'EADDRINUSE') console.error(`\nPort ${port} is already in use. Set PORT to another port.\n`);
	else console.error(error);
	shutdown('error', 1);
});

server.listen({ port, host: address }, () => {
	const shown = config.origin;
	process.stdout.write(`\nIntercambio is running at ${shown}\n\n`);
});

let stopping = false;
async function shutdown(signal, code = 0) {
	if (stopping) return;
	stopping = true;
	// Whatever happens, we are gone within 5 seconds.
	setTimeout(() => process.exit(code || 1), 4500).unref();
	server.close();
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), 2000).unref();
	try {
		await bridge.shutdown?.();
	} catch (error) {
		console.error('Error while closing the database:', error);
		code = 1;
	}
	process.exit(code);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
