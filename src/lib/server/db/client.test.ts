import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from './client.ts';

describe('the embedded database on disk', () => {
	it('is made whole or not at all: a first start cut short leaves nothing that blocks the next one', async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-db-'));
		// What an interrupted first initialisation leaves behind.
		fs.mkdirSync(path.join(dataDir, 'pglite.init-12345', 'base'), { recursive: true });
		fs.writeFileSync(path.join(dataDir, 'pglite.init-12345', 'PG_VERSION'), '17');
		const database = await openDatabase({ dataDir });
		await database.close();
		expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('pglite')).sort()).toEqual(['pglite']);
		// And it opens again, with its data.
		const again = await openDatabase({ dataDir });
		await again.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('says which folder it could not open, and what to do', async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-db-'));
		fs.mkdirSync(path.join(dataDir, 'pglite', 'base'), { recursive: true });
		fs.writeFileSync(path.join(dataDir, 'pglite', 'PG_VERSION'), 'not a database');
		await expect(openDatabase({ dataDir })).rejects.toThrow(/could not be opened.*move the folder aside/);
		// The lock is released: a corrected start is not refused as "in use".
		expect(fs.existsSync(path.join(dataDir, 'intercambio.lock'))).toBe(false);
		fs.rmSync(dataDir, { recursive: true, force: true });
	});
});
