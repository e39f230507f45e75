import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no cross-process lock: two processes opening one data dir corrupt it.
 * We hold an exclusive lock file for the life of the process and refuse a second one
 * with a message that names the holder.
 */
export class DataDirLockedError extends Error {
	constructor(
		readonly lockFile: string,
		readonly holder: { pid: number; startedAt: string; command: string }
	) {
		super(
			`The data directory ${path.dirname(lockFile)} is in use by another Intercambio process ` +
				`(pid ${holder.pid}, "${holder.command}", started ${holder.startedAt}). ` +
				`Stop that process first, or set DATA_DIR to another directory. ` +
				`Two processes on one embedded database would corrupt it.`
		);
		this.name = 'DataDirLockedError';
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM means the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export interface DataDirLock {
	release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
	fs.mkdirSync(dataDir, { recursive: true });
	const lockFile = path.join(dataDir, 'intercambio.lock');
	const me = {
		pid: process.pid,
		startedAt: new Date().toISOString(),
		command: process.argv.slice(1).map((a) => path.basename(a)).join(' ')
	};
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = fs.openSync(lockFile, 'wx');
			fs.writeSync(fd, JSON.stringify(me));
			fs.closeSync(fd);
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				try {
					const current = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
					if (current.pid === process.pid) fs.unlinkSync(lockFile);
				} catch {
					// Already gone: nothing to release.
				}
			};
			process.once('exit', release);
			return { release };
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			let holder: typeof me;
			try {
				holder = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
			} catch {
				holder = { pid: -1, startedAt: 'unknown', command: 'unknown' };
			}
			if (holder.pid > 0 && holder.pid !== process.pid && isAlive(holder.pid)) {
				throw new DataDirLockedError(lockFile, holder);
			}
			// The holder died without releasing (kill -9, power loss): the lock is stale.
			fs.rmSync(lockFile, { force: true });
		}
	}
	throw new Error(`Could not take the lock ${lockFile}`);
}
