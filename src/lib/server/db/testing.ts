import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database } from './client.ts';

export interface TestDatabase {
	name: 'pglite' | 'postgres';
	open(): Promise<Database>;
}

/** What vitest.setup.ts prepared once for the whole run (see prepareTestDatabases). */
export interface PreparedTestDatabases {
	/** A PGlite data dir, migrated once, as a tarball file. */
	pgliteDump: string;
	/** A PostgreSQL database migrated once, that each test file's database is copied from. */
	postgresTemplate: string | null;
}

declare module 'vitest' {
	export interface ProvidedContext {
		testDatabases: PreparedTestDatabases | undefined;
	}
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

const prepared = (): PreparedTestDatabases | undefined => {
	try {
		return inject('testDatabases');
	} catch {
		return undefined;
	}
};

/**
 * Run once before all test files (vitest.setup.ts): the migrations are applied once to a PGlite, kept as a
 * dump, and once to a PostgreSQL template database. Every test file still gets its own fresh database —
 * a copy of these, the same migrations applied the same way — instead of migrating one itself (seconds
 * each, and Vitest runs each file in a fresh module graph, so nothing is shared between files otherwise).
 */
export async function prepareTestDatabases(): Promise<{ prepared: PreparedTestDatabases; teardown: () => Promise<void> }> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	const [pgliteDump, postgresTemplate] = await Promise.all([
		(async () => {
			const database = await openDatabase({ dataDir: 'memory://' });
			const dump = await database.dump!();
			await database.close();
			const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-test-')), 'pglite.tar');
			fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
			return file;
		})(),
		serverUrl ? createMigratedPostgres(serverUrl, `intercambio_template_${randomBytes(6).toString('hex')}`) : Promise.resolve(null)
	]);
	return {
		prepared: { pgliteDump, postgresTemplate },
		async teardown() {
			fs.rmSync(path.dirname(pgliteDump), { recursive: true, force: true });
			if (serverUrl && postgresTemplate) await dropPostgres(serverUrl, postgresTemplate);
		}
	};
}

// Without vitest.setup.ts (a test run some other way), each file migrates a PGlite once and copies it.
let migrated: Promise<Blob> | null = null;
async function openFreshPglite(): Promise<Database> {
	migrated ??= (async () => {
		const dump = prepared()?.pgliteDump;
		if (dump) return new Blob([fs.readFileSync(dump)]);
		const database = await openDatabase({ dataDir: 'memory://' });
		const blob = await database.dump!();
		await database.close();
		return blob;
	})();
	return openDatabase({ dataDir: 'memory://', loadDataDir: await migrated });
}

const urlOf = (serverUrl: string, name: string) => {
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
};

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
	const { default: pg } = await import('pg');
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	try {
		await admin.query(sql);
	} finally {
		await admin.end();
	}
}

async function createMigratedPostgres(serverUrl: string, name: string): Promise<string> {
	await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
	const database = await openDatabase({ url: urlOf(serverUrl, name), poolSize: 1 });
	await database.close();
	await waitForNoConnections(serverUrl, name);
	return name;
}

async function openFreshPostgres(serverUrl: string): Promise<Database> {
	const name = `intercambio_test_${randomBytes(6).toString('hex')}`;
	const template = prepared()?.postgresTemplate;
	if (template) await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
	else await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
	// From the template this only checks that every migration is applied.
	const database = await openDatabase({ url: urlOf(serverUrl, name), poolSize: 4 });
	return {
		...database,
		async close() {
			await database.close();
			await dropPostgres(serverUrl, name);
		}
	};
}

/**
 * The pool's connections finish closing a moment after end() resolves; forcing the drop while one still
 * closes makes it fail with "terminating connection", and a template with a connection cannot be copied.
 */
async function waitForNoConnections(serverUrl: string, name: string): Promise<void> {
	const { default: pg } = await import('pg');
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		for (let i = 0; i < 50; i++) {
			const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
			if (rows[0].n === 0) break;
			await new Promise((r) => setTimeout(r, 20));
		}
	} finally {
		await client.end();
	}
}

async function dropPostgres(serverUrl: string, name: string): Promise<void> {
	await waitForNoConnections(serverUrl, name);
	await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
