import path from 'node:path';
import fs from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';
import { lockDataDir, type DataDirLock } from './lock.ts';

export type Schema = typeof schema;
/** The one database type every domain function takes: a connection or a transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	close(): Promise<void>;
	/** PGlite only: the whole database as a tarball (see loadDataDir). */
	dump?: () => Promise<Blob>;
}

export interface OpenOptions {
	/** A PostgreSQL URL; when absent the embedded PGlite under dataDir is used. */
	url?: string;
	/** Where PGlite keeps its files; "memory://" for a throwaway in-memory database (tests). */
	dataDir?: string;
	migrationsFolder?: string;
	/** Pool size for PostgreSQL. */
	poolSize?: number;
	/** PGlite only: start from this dump of a database (tests start from one migrated copy). */
	loadDataDir?: Blob;
}

export function defaultMigrationsFolder(): string {
	return path.resolve(process.cwd(), 'drizzle');
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
	const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
	if (!fs.existsSync(path.join(migrationsFolder, 'meta', '_journal.json'))) {
		throw new Error(`No migrations found in ${migrationsFolder}; run the app from the project directory.`);
	}
	if (options.url) return openPostgres(options.url, migrationsFolder, options.poolSize ?? 10);
	return openPglite(options.dataDir ?? './data', migrationsFolder, options.loadDataDir);
}

async function openPostgres(url: string, migrationsFolder: string, max: number): Promise<Database> {
	const { default: pg } = await import('pg');
	const { drizzle } = await import('drizzle-orm/node-postgres');
	const { migrate } = await import('drizzle-orm/node-postgres/migrator');
	// Short web queries: JIT compiling costs more than it saves (100+ ms on a broad search), and
	// parallel workers compete with the queries a page runs side by side on a small server.
	const pool = new pg.Pool({ connectionString: url, max, options: '-c jit=off -c max_parallel_workers_per_gather=0' });
	// An idle connection the server closes (a restart, an administrator) must not take the
	// process down: the pool drops it and opens a new one on the next query.
	pool.on('error', (error) => console.warn(JSON.stringify({ level: 40, msg: 'idle database connection lost', err: error.message })));
	const db = drizzle(pool, { schema });
	await migrate(db, { migrationsFolder });
	return {
		db: db as unknown as Db,
		kind: 'postgres',
		close: () => pool.end()
	};
}

/**
 * A new embedded database is made in a scratch folder and renamed into place once complete, so
 * a start interrupted during that first initialisation (a taken port, Ctrl-C) never leaves a
 * half-made database that cannot be opened again.
 */
async function createOnce(target: string, create: (dir: string) => Promise<{ close(): Promise<void> }>) {
	if (fs.existsSync(target)) return;
	const parent = path.dirname(target);
	for (const name of fs.readdirSync(parent)) if (name.startsWith(`${path.basename(target)}.init-`)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
	const scratch = `${target}.init-${process.pid}`;
	const fresh = await create(scratch);
	await fresh.close();
	fs.renameSync(scratch, target);
}

async function openPglite(dataDir: string, migrationsFolder: string, loadDataDir?: Blob): Promise<Database> {
	const inMemory = dataDir.startsWith('memory://');
	let lock: DataDirLock | undefined;
	if (!inMemory) lock = lockDataDir(dataDir);
	try {
		const { PGlite } = await import('@electric-sql/pglite');
		const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
		const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
		const { drizzle } = await import('drizzle-orm/pglite');
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		const extensions = { unaccent, pg_trgm };
		const target = inMemory ? dataDir : path.join(dataDir, 'pglite');
		if (!inMemory) await createOnce(target, (dir) => PGlite.create(dir, { extensions }));
		let client: InstanceType<typeof PGlite>;
		try {
			client = await PGlite.create(target, { extensions, loadDataDir });
		} catch (error) {
			throw new Error(
				`The embedded database in ${target} could not be opened (${error instanceof Error ? error.message : error}). ` +
					`It may have been damaged (a first start cut short by an older version, or a copy taken while the app ran): restore a backup taken with the app stopped, or move the folder aside to start with an empty database.`
			);
		}
		const db = drizzle(client, { schema });
		await migrate(db, { migrationsFolder });
		return {
			db: db as unknown as Db,
			kind: 'pglite',
			dump: () => client.dumpDataDir('none'),
			close: async () => {
				try {
					await client.close();
				} finally {
					lock?.release();
				}
			}
		};
	} catch (error) {
		lock?.release();
		throw error;
	}
}
