// The one meeting point of server.js (the process host, plain Node) and the built app (a separate
// module graph inside build/): one documented object on globalThis. server.js puts the Config it
// parsed here before loading the app; the app leaves here what server.js needs from it.
// Erasable TypeScript only: server.js imports this file as it is.
import type { Config } from './config.ts';

export interface CachedHit {
	status: number;
	headers: [string, string][];
	body: Uint8Array;
}

export interface Host {
	/** Parsed by server.js before it touched process.env; absent under `vite dev`. */
	config?: Config;
	/** Closes the database and stops the workers (server.js calls it on SIGTERM/SIGINT). */
	shutdown?: () => Promise<void>;
	/** Answers an anonymous page from the cache before the framework sees the request. */
	lookupCache?: (method: string, pathAndQuery: string, headers: { cookie?: string; 'cache-control'?: string; 'accept-encoding'?: string }) => CachedHit | null;
}

const KEY = Symbol.for('intercambio.host');

export function host(): Host {
	const store = globalThis as unknown as Record<symbol, Host | undefined>;
	return (store[KEY] ??= {});
}
