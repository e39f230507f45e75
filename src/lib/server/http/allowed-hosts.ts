// Which Host a request may name. Links, the sitemap, feeds and exports are built from the address
// a request came in on, and the page cache would hand a page built for a forged Host to every
// visitor: server.js refuses any other host (421) before it looks in the cache.
// Erasable TypeScript only: server.js imports this file as it is.
import os from 'node:os';
import type { Config } from '../config.ts';

type HostConfig = Pick<Config, 'port' | 'host' | 'origin' | 'originConfigured' | 'hostHeader' | 'allowedHosts'>;

/** `name:port`, with the port left out when it is the default one (browsers leave it out too). */
function withPort(name: string, port: number): string[] {
	const bracketed = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
	return port === 80 || port === 443 ? [bracketed, `${bracketed}:${port}`] : [`${bracketed}:${port}`];
}

/**
 * The machine's own addresses on the listening port: localhost, 127.0.0.1 and [::1] always;
 * HOST when it is one address; every interface's address and the host name when it listens on
 * all of them (0.0.0.0 or ::), so a room's computers can use http://192.168.1.10:3000.
 */
export function localHosts(config: Pick<Config, 'port' | 'host'>, interfaces = os.networkInterfaces(), hostname = os.hostname()): string[] {
	const names = new Set(['localhost', '127.0.0.1', '::1']);
	if (config.host === '0.0.0.0' || config.host === '::') {
		for (const list of Object.values(interfaces)) for (const entry of list ?? []) names.add(entry.address.split('%')[0]);
		if (hostname) names.add(hostname);
	} else {
		names.add(config.host.replace(/^\[|\]$/g, ''));
	}
	return [...names].flatMap((name) => withPort(name.toLowerCase(), config.port));
}

/**
 * Every Host a request may carry. With ORIGIN: its host, and the machine's own addresses (a proxy
 * on the same machine often forwards with Host 127.0.0.1:PORT; server.js then fixes the host from
 * ORIGIN anyway). Without ORIGIN: the machine's own addresses and ALLOWED_HOSTS.
 */
export function allowedHosts(config: HostConfig, local: string[] = localHosts(config)): Set<string> {
	const hosts = new Set(local);
	if (config.originConfigured) hosts.add(new URL(config.origin).host);
	for (const name of config.allowedHosts) hosts.add(name);
	return hosts;
}

type Headers = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value);

/**
 * The host the app will build links from, as adapter-node derives it: ORIGIN's host; behind a
 * proxy (HOST_HEADER without ORIGIN), the proxy's header, or Host when it is absent; else Host.
 */
export function effectiveHost(config: HostConfig, headers: Headers): string {
	if (config.originConfigured) return new URL(config.origin).host;
	const value = (config.hostHeader ? first(headers[config.hostHeader]) : undefined) || first(headers.host);
	return (value ?? '').trim().toLowerCase();
}

/**
 * Null when the request may go on; otherwise the refused host. With ORIGIN, the Host header
 * itself is checked (the app never sees it); without, the host the app would build links from.
 */
export function refusedHost(config: HostConfig, allowed: Set<string>, headers: Headers): string | null {
	const host = config.originConfigured ? (first(headers.host) ?? '').trim().toLowerCase() : effectiveHost(config, headers);
	if (config.originConfigured && !host) return null; // HTTP/1.0 without Host: the app uses ORIGIN
	return allowed.has(host) ? null : host || '(none)';
}

/** The short answer to a request for another host: never cached, in the three languages. */
export const MISDIRECTED_BODY =
	'Esta dirección no corresponde a este sitio. · Este endereço não corresponde a este site. · This address does not belong to this site.\n';
