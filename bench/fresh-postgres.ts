import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Run `measure` against a new, empty database on the server, dropped afterwards. */
export async function withFreshPostgres<T>(serverUrl: string, measure: (url: string) => Promise<T>): Promise<T> {
	const name = `intercambio_bench_${randomBytes(4).toString('hex')}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	try {
		return await measure(url.toString());
	} finally {
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.end();
	}
}
