import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { DataDirLockedError, lockDataDir } from './lock.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-lock-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	children.splice(0).forEach((c) => c.kill('SIGKILL'));
	dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

describe('the data dir lock', () => {
	it('refuses a second process while the first is alive, naming it', () => {
		const dir = tempDir();
		const other = spawn('sleep', ['30']);
		children.push(other);
		fs.writeFileSync(
			path.join(dir, 'intercambio.lock'),
			JSON.stringify({ pid: other.pid, startedAt: '2026-11-25T08:00:00.000Z', command: 'server.js' })
		);
		let caught: unknown;
		try {
			lockDataDir(dir);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(DataDirLockedError);
		expect((caught as Error).message).toContain(`pid ${other.pid}`);
		expect((caught as Error).message).toContain('Stop that process first');
	});

	it('takes over a lock left by a process that died', () => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, 'intercambio.lock'), JSON.stringify({ pid: 2 ** 22 + 7, startedAt: 'x', command: 'gone' }));
		const lock = lockDataDir(dir);
		expect(JSON.parse(fs.readFileSync(path.join(dir, 'intercambio.lock'), 'utf8')).pid).toBe(process.pid);
		lock.release();
		expect(fs.existsSync(path.join(dir, 'intercambio.lock'))).toBe(false);
	});
});
