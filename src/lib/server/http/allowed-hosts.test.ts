import { describe, expect, it } from 'vitest';
import { allowedHosts, effectiveHost, localHosts, refusedHost } from './allowed-hosts.ts';
import { loadConfig } from '../config.ts';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hosts-'));
const lan = { eth0: [{ address: '192.168.1.10' }, { address: 'fe80::1%eth0' }] } as unknown as ReturnType<typeof os.networkInterfaces>;
const config = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir(), ...env });
const check = (c: ReturnType<typeof config>, headers: Record<string, string>) => refusedHost(c, allowedHosts(c, localHosts(c, lan, 'aula-3')), headers);

describe('the hosts a request may name', () => {
	it('without ORIGIN: the machine itself on its port, its addresses when it listens on all of them, nothing else', () => {
		const c = config({ PORT: '3000' });
		for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', '192.168.1.10:3000', '[fe80::1]:3000', 'aula-3:3000', 'LOCALHOST:3000']) {
			expect(check(c, { host }), host).toBeNull();
		}
		for (const host of ['evil.example', 'evil.example:3000', 'localhost:3001', 'localhost', 'localhost:3000.evil.example', '']) {
			expect(check(c, { host }), host).not.toBeNull();
		}
		expect(check(c, {})).toBe('(none)');
	});

	it('listening on one address: that one and the loopback names only', () => {
		const c = config({ PORT: '4000', HOST: '127.0.0.1' });
		expect(check(c, { host: '127.0.0.1:4000' })).toBeNull();
		expect(check(c, { host: 'localhost:4000' })).toBeNull();
		expect(check(c, { host: '192.168.1.10:4000' })).toBe('192.168.1.10:4000');
	});

	it('with ORIGIN: its host, and the local names a proxy on this machine forwards with; links always use ORIGIN', () => {
		const c = config({ PORT: '3000', ORIGIN: 'https://intercambio.example.org' });
		expect(check(c, { host: 'intercambio.example.org' })).toBeNull();
		expect(check(c, { host: '127.0.0.1:3000' })).toBeNull();
		expect(check(c, { host: 'evil.example' })).toBe('evil.example');
		expect(effectiveHost(c, { host: '127.0.0.1:3000' })).toBe('intercambio.example.org');
	});

	it('behind a proxy without ORIGIN: the host in its header must be one of ALLOWED_HOSTS', () => {
		expect(() => config({ HOST_HEADER: 'x-forwarded-host' })).toThrowError(/^HOST_HEADER needs ORIGIN .* or ALLOWED_HOSTS/);
		expect(() => config({ ALLOWED_HOSTS: 'ok.example, bad host' })).toThrowError(/^ALLOWED_HOSTS must list host names/);
		const c = config({ PORT: '3000', HOST_HEADER: 'x-forwarded-host', PROTOCOL_HEADER: 'x-forwarded-proto', ALLOWED_HOSTS: 'Intercambio.example.org, 10.0.0.5:8080' });
		expect(c.allowedHosts).toEqual(['intercambio.example.org', '10.0.0.5:8080']);
		expect(check(c, { host: '127.0.0.1:3000', 'x-forwarded-host': 'intercambio.example.org' })).toBeNull();
		expect(check(c, { host: '127.0.0.1:3000', 'x-forwarded-host': '10.0.0.5:8080' })).toBeNull();
		// The proxy's header is what the app builds links from: a forged one is refused even if Host is fine.
		expect(check(c, { host: 'intercambio.example.org', 'x-forwarded-host': 'evil.example' })).toBe('evil.example');
		expect(effectiveHost(c, { host: '127.0.0.1:3000', 'x-forwarded-host': 'Intercambio.example.org' })).toBe('intercambio.example.org');
	});
});
