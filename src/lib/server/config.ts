import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

// Parsers for every setting. src/env.ts declares them to SvelteKit (validated at start-up);
// scripts and tests call the same parsers on process.env.

export class ConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConfigError';
	}
}

export const parsePort = (value: string | undefined): number => {
	if (value === undefined || value === '') return 3000;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		throw new ConfigError(`PORT must be a whole number from 1 to 65535, got "${value}".`);
	}
	return port;
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
	if (!/@/.test(value) || value.length > 320) throw new ConfigError(`MAIL_FROM must be an address like "Intercambio <no-reply@example.org>".`);
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

export interface Config {
	port: number;
	origin: string;
	dataDir: string;
	databaseUrl?: string;
	smtpUrl?: string;
	mailFrom: string;
	secret: string;
	organiserEmail: string;
	secureCookies: boolean;
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
