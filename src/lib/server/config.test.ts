import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, parseOrigin, parsePort, parseSecret, resolveSecret } from './config.ts';

describe('configuration', () => {
	it('explains a bad value instead of starting wrongly', () => {
		expect(() => parsePort('80a')).toThrowError(/PORT must be a whole number/);
		expect(() => parseOrigin('intercambio.example.org')).toThrowError(/ORIGIN must be the public URL/);
		expect(() => parseOrigin('https://example.org/app')).toThrowError(/no path/);
		expect(parseOrigin('https://example.org/')).toBe('https://example.org');
		expect(() => parseSecret('short')).toThrowError(ConfigError);
	});

	it('never uses a built-in secret: it demands one with PostgreSQL and generates one per embedded install', () => {
		expect(() => resolveSecret({ databaseUrl: 'postgres://x', dataDir: '/nonexistent' })).toThrowError(/AUTH_SECRET is required/);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-secret-'));
		const first = resolveSecret({ dataDir: dir });
		expect(first.length).toBeGreaterThanOrEqual(32);
		expect(resolveSecret({ dataDir: dir })).toBe(first);
		const other = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-secret-'));
		expect(resolveSecret({ dataDir: other })).not.toBe(first);
		expect(fs.statSync(path.join(dir, 'auth-secret')).mode & 0o777).toBe(0o600);
	});

	const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-config-'));

	it('names the variable of the first wrong value, e.g. PORT=abc, instead of failing later in the server', () => {
		expect(() => loadConfig({ PORT: 'abc', DATA_DIR: dataDir() })).toThrowError(new ConfigError('PORT must be a whole number from 1 to 65535, got "abc".'));
		expect(() => loadConfig({ PORT: '3000x', DATA_DIR: dataDir() })).toThrowError(/^PORT must be/);
		expect(() => loadConfig({ LOG_LEVEL: 'loud', DATA_DIR: dataDir() })).toThrowError(/^LOG_LEVEL must be one of/);
		expect(() => loadConfig({ PROTOCOL_HEADER: 'x forwarded', DATA_DIR: dataDir() })).toThrowError(/^PROTOCOL_HEADER must be a header name/);
		expect(() => loadConfig({ DATABASE_URL: 'mysql://x', DATA_DIR: dataDir() })).toThrowError(/^DATABASE_URL must be a PostgreSQL URL/);
	});

	it('marks session cookies Secure exactly when the public address is https', () => {
		const intranet = loadConfig({ ORIGIN: 'http://intranet.example:4321', DATA_DIR: dataDir() });
		expect(intranet.origin).toBe('http://intranet.example:4321');
		expect(intranet.secureCookies).toBe(false);
		expect(loadConfig({ ORIGIN: 'https://intercambio.example.org', DATA_DIR: dataDir() }).secureCookies).toBe(true);
		// Plain http on localhost (npm start as it comes): not Secure, or the browser drops the cookie.
		const local = loadConfig({ PORT: '4000', DATA_DIR: dataDir() });
		expect(local.origin).toBe('http://localhost:4000');
		expect(local.secureCookies).toBe(false);
		// Behind a proxy that announces the protocol (the documented https set-up): Secure.
		expect(loadConfig({ PROTOCOL_HEADER: 'X-Forwarded-Proto', DATA_DIR: dataDir() })).toMatchObject({ protocolHeader: 'x-forwarded-proto', secureCookies: true });
	});
});
