import { randomUUID } from 'node:crypto';

const CHANNEL = 'intercambio_page_cache';

/**
 * Several app instances on one PostgreSQL server: when one of them writes, the others empty
 * their page caches too (LISTEN/NOTIFY), so nobody serves a stale page for long.
 */
export async function openCacheChannel(url: string, onRemoteWrite: () => void) {
	const { default: pg } = await import('pg');
	const me = randomUUID();
	const listener = new pg.Client({ connectionString: url });
	await listener.connect();
	listener.on('notification', (message) => {
		if (message.channel === CHANNEL && message.payload !== me) onRemoteWrite();
	});
	// A lost connection only means slower invalidation (entries still expire): never crash for it.
	listener.on('error', () => {});
	await listener.query(`LISTEN ${CHANNEL}`);
	// Writes come in bursts (a registration rush): one notice in flight at a time, and at most
	// one more after it for everything written meanwhile.
	let inFlight: Promise<void> | null = null;
	let again = false;
	const send = async (): Promise<void> => {
		do {
			again = false;
			await listener.query('select pg_notify($1, $2)', [CHANNEL, me]);
		} while (again);
	};
	return {
		/** Tell the other instances that something changed. */
		async broadcast() {
			if (inFlight) {
				again = true;
				return inFlight;
			}
			inFlight = send().finally(() => {
				inFlight = null;
			});
			return inFlight;
		},
		async close() {
			await listener.end();
		}
	};
}
