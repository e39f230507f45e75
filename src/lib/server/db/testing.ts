import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from './client.ts';

export interface TestDatabase {
	name: 'pglite' | 'postgres';
	open(): Promise<Database>;
}

/**
 * The databases every integration test runs on: PGlite always, and PostgreSQL when
 * TEST_DATABASE_URL is set — each open() gets a fresh, migrated, empty database.
 */
export function testDatabases(): TestDatabase[] {
	const list: TestDatabase[] = [{ name: 'pglite', open: openFreshPglite }];
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (serverUrl) list.push({ name: 'postgres', open: () => openFreshPostgres(serverUrl) });
	return list;
}

// Migrating a fresh PGlite takes seconds; each test file starts instead from a dump of one
// database migrated once per worker (the same migrations, applied once: still a fresh database).
let migrated: Promise<Blob> | null = null;
async function openFreshPglite(): Promise<Database> {
	migrated ??= openDatabase({ dataDir: 'memory://' }).then(async (database) => {
		const dump = await database.dump!();
		await database.close();
		return dump;
	});
	return openDatabase({ dataDir: 'memory://', loadDataDir: await migrated });
}

async function openFreshPostgres(serverUrl: string): Promise<Database> {
	const { default: pg } = await import('pg');
	const name = `intercambio_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const database = await openDatabase({ url: url.toString(), poolSize: 4 });
	return {
		...database,
		async close() {
			await database.close();
			const drop = new pg.Client({ connectionString: serverUrl });
			await drop.connect();
			// The pool's connections finish closing a moment after end() resolves; forcing the drop
			// while one still closes makes it fail with "terminating connection". Wait for them.
			for (let i = 0; i < 50; i++) {
				const { rows } = await drop.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
				if (rows[0].n === 0) break;
				await new Promise((r) => setTimeout(r, 20));
			}
			await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await drop.end();
		}
	};
}
