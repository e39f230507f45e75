import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

// The one place configuration is read. server.js (the process host) calls loadConfig() before
// anything else, so a wrong value stops the start with a message naming the variable; the app
// takes the same parsed Config from it (host.ts), or parses process.env itself under `vite dev`.
// This file uses only erasable TypeScript: Node runs it as it is from server.js.

export class ConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConfigError';
	}
}

export const parsePort = (value: string | undefined): number => {
	if (value === undefined || value === '') return 3000;
	const port = Number(value);
	if (!/^\d+$/.test(value) || !Number.isInteger(port) || port < 1 || port > 65535) {
		throw new ConfigError(`PORT must be a whole number from 1 to 65535, got "${value}".`);
	}
	return port;
};

export const parseHost = (value: string | undefined): string => {
	if (!value) return '0.0.0.0';
	if (!/^[\w.:[\]-]+$/.test(value)) throw new ConfigError(`HOST must be an address to listen on, like 0.0.0.0 or 127.0.0.1, got "${value}".`);
	return value;
};

export const parseOrigin = (value: string | undefined): string | undefined => {
	if (!value) return undefined;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new ConfigError(`ORIGIN must be the public URL of the app, like https://intercambio.example.org — got "${value}".`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new ConfigError(`ORIGIN must start with http:// or https://, got "${value}".`);
	}
	if (url.pathname !== '/' || url.search || url.hash) {
		throw new ConfigError(`ORIGIN must be an origin only (no path), like https://intercambio.example.org — got "${value}".`);
	}
	return url.origin;
};

export const parseDatabaseUrl = (value: string | undefined): string | undefined => {
	if (!value) return undefined;
	if (!/^postgres(ql)?:\/\//.test(value)) {
		throw new ConfigError('DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/intercambio.');
	}
	return value;
};

export const parseSmtpUrl = (value: string | undefined): string | undefined => {
	if (!value) return undefined;
	if (!/^smtps?:\/\//.test(value)) {
		throw new ConfigError('SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465.');
	}
	return value;
};

export const parseMailFrom = (value: string | undefined): string => {
	if (!value) return 'Intercambio <no-reply@localhost>';
	if (!/@/.test(value) || value.length > 320 || /[\r\n]/.test(value)) {
		throw new ConfigError(`MAIL_FROM must be an address like "Intercambio <no-reply@example.org>".`);
	}
	return value;
};

export const parseSecret = (value: string | undefined): string | undefined => {
	if (!value) return undefined;
	if (value.length < 32) throw new ConfigError('AUTH_SECRET must be at least 32 characters long (try: openssl rand -base64 32).');
	return value;
};

export const parseEmail = (value: string | undefined): string | undefined => {
	if (!value) return undefined;
	if (!/^[^\s@]+@[^\s@]+$/.test(value)) throw new ConfigError(`ORGANISER_EMAIL must be an email address, got "${value}".`);
	return value.trim().toLowerCase();
};

export const parseHeaderName = (name: string) => (value: string | undefined): string | undefined => {
	if (!value) return undefined;
	if (!/^[a-z0-9-]+$/i.test(value)) throw new ConfigError(`${name} must be a header name like x-forwarded-proto, got "${value}".`);
	return value.toLowerCase();
};

/** ALLOWED_HOSTS: comma-separated host names (with their port when it is not 80/443). */
export const parseHostList = (value: string | undefined): string[] => {
	if (!value) return [];
	const hosts = value.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
	for (const host of hosts) {
		if (!/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/.test(host)) {
			throw new ConfigError(`ALLOWED_HOSTS must list host names like intercambio.example.org or 192.168.1.10:3000, separated by commas — got "${host}".`);
		}
	}
	return hosts;
};

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
export const parseLogLevel = (value: string | undefined): string => {
	if (!value) return 'info';
	if (!LOG_LEVELS.includes(value)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}".`);
	return value;
};

export const parseMailCap = (value: string | undefined): number => {
	if (!value) return 50;
	const n = Number(value);
	if (!/^\d+$/.test(value) || n < 1 || n > 1_000_000) throw new ConfigError(`MAIL_CAP_PER_CLIENT must be a whole number from 1 to 1000000, got "${value}".`);
	return n;
};

const orDefault = (fallback: string) => (value: string | undefined) => value || fallback;

/** Every variable the README's table names, with its parser: the one definition of configuration. */
export const VARIABLES = {
	PORT: { parse: parsePort, description: 'HTTP port (default 3000)' },
	HOST: { parse: parseHost, description: 'Address to listen on (default 0.0.0.0)' },
	DATA_DIR: { parse: orDefault('./data'), description: 'Embedded database and uploads (default ./data)' },
	DATABASE_URL: { parse: parseDatabaseUrl, description: 'PostgreSQL URL; when unset the embedded PGlite is used' },
	AUTH_SECRET: { parse: parseSecret, description: 'Signs sessions and private links; required with DATABASE_URL' },
	ORIGIN: { parse: parseOrigin, description: 'Public URL, e.g. https://intercambio.example.org (read at run time)' },
	PROTOCOL_HEADER: { parse: parseHeaderName('PROTOCOL_HEADER'), description: 'Header a proxy sets with the public protocol' },
	HOST_HEADER: { parse: parseHeaderName('HOST_HEADER'), description: 'Header a proxy sets with the public host' },
	ALLOWED_HOSTS: { parse: parseHostList, description: 'Without ORIGIN: other host names the app answers to (required with HOST_HEADER)' },
	SMTP_URL: { parse: parseSmtpUrl, description: 'smtp(s)://user:pass@host:port; when unset mail stays in the outbox' },
	MAIL_FROM: { parse: parseMailFrom, description: 'Sender of every mail' },
	ORGANISER_EMAIL: { parse: parseEmail, description: 'The first organiser, created on an empty database' },
	MAIL_CAP_PER_CLIENT: { parse: parseMailCap, description: 'Mails one client address may cause per hour (default 50)' },
	LOG_LEVEL: { parse: parseLogLevel, description: 'pino level (default info)' }
} as const;

export interface Config {
	port: number;
	host: string;
	/** The public address links are built from: ORIGIN, or http://localhost:PORT. */
	origin: string;
	/** Whether ORIGIN was given (the server then fixes protocol and host from it). */
	originConfigured: boolean;
	/** Behind a proxy without ORIGIN: the headers it sets. */
	protocolHeader?: string;
	hostHeader?: string;
	/** ALLOWED_HOSTS: hosts answered besides ORIGIN's and the machine's own (others get a 421). */
	allowedHosts: string[];
	dataDir: string;
	databaseUrl?: string;
	smtpUrl?: string;
	mailFrom: string;
	/** AUTH_SECRET, or the one generated into DATA_DIR for the embedded database. */
	secret: string;
	organiserEmail: string;
	logLevel: string;
	/** How many mails (registrations, drafts, sign-in links) one client address may cause per hour. */
	mailCapPerClient: number;
	/**
	 * Session cookies are `Secure` exactly when the public address is https: ORIGIN's scheme, or,
	 * without ORIGIN, a proxy that announces the protocol (the documented https-proxy set-up).
	 */
	secureCookies: boolean;
}

type Source = Record<string, string | undefined>;

/** Parses every variable once; the first wrong one throws a ConfigError that names it. */
export function loadConfig(source: Source = process.env): Config {
	const read = <K extends keyof typeof VARIABLES>(name: K): ReturnType<(typeof VARIABLES)[K]['parse']> =>
		VARIABLES[name].parse(source[name]?.trim()) as ReturnType<(typeof VARIABLES)[K]['parse']>;
	const port = read('PORT');
	const configuredOrigin = read('ORIGIN');
	const origin = configuredOrigin ?? `http://localhost:${port}`;
	const protocolHeader = read('PROTOCOL_HEADER');
	const dataDir = read('DATA_DIR');
	const databaseUrl = read('DATABASE_URL');
	const hostHeader = read('HOST_HEADER');
	const allowedHosts = read('ALLOWED_HOSTS');
	// Without ORIGIN the proxy's header names the host links are built from: it must be one we expect.
	if (hostHeader && !configuredOrigin && allowedHosts.length === 0) {
		throw new ConfigError('HOST_HEADER needs ORIGIN (the public address) or ALLOWED_HOSTS (the public host names the proxy forwards), so a forged host is refused.');
	}
	return {
		port,
		host: read('HOST'),
		origin,
		originConfigured: !!configuredOrigin,
		protocolHeader,
		hostHeader,
		allowedHosts,
		dataDir,
		databaseUrl,
		smtpUrl: read('SMTP_URL'),
		mailFrom: read('MAIL_FROM'),
		secret: resolveSecret({ secret: read('AUTH_SECRET'), databaseUrl, dataDir }),
		organiserEmail: read('ORGANISER_EMAIL') ?? 'organiser@intercambio.localhost',
		logLevel: read('LOG_LEVEL'),
		mailCapPerClient: read('MAIL_CAP_PER_CLIENT'),
		secureCookies: configuredOrigin ? configuredOrigin.startsWith('https://') : !!protocolHeader
	};
}

/**
 * The auth secret: AUTH_SECRET when given. The embedded single-process setup may generate one
 * and keep it in DATA_DIR (never a built-in default); several instances on PostgreSQL must share one.
 */
export function resolveSecret(params: { secret?: string; databaseUrl?: string; dataDir: string }): string {
	if (params.secret) return params.secret;
	if (params.databaseUrl) {
		throw new ConfigError(
			'AUTH_SECRET is required when DATABASE_URL is set (every instance must share it). Generate one with: openssl rand -base64 32'
		);
	}
	const file = path.join(params.dataDir, 'auth-secret');
	try {
		return fs.readFileSync(file, 'utf8').trim();
	} catch {
		fs.mkdirSync(params.dataDir, { recursive: true });
		const secret = crypto.randomBytes(32).toString('base64url');
		fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
		return secret;
	}
}
