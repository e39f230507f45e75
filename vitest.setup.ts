import { execFileSync } from 'node:child_process';

/** Compile the messages into src/lib/paraglide before any test imports them. */
export default function setup() {
	execFileSync(process.execPath, ['scripts/paraglide.ts'], { stdio: 'inherit' });
}
