import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, parseOrigin, parsePort, parseSecret, resolveSecret } from './config.ts';

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
});
