import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const script = path.join(import.meta.dirname, 'check-architecture.ts');

/** A tiny project tree: the files given, under a fresh root. */
function project(files: Record<string, string>): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-arch-'));
	for (const [name, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
		fs.writeFileSync(path.join(root, name), text);
	}
	return root;
}

const run = (root: string) => spawnSync(process.execPath, [script, root], { encoding: 'utf8' });

const domains = {
	'src/lib/server/events/schema.ts': "export const eventSession = pgTable('event_session', {});\n",
	'src/lib/server/events/index.ts': "export const setSessionCapacity = () => {};\n",
	'src/lib/server/registrations/schema.ts': "export const registration = pgTable('registration', {});\n"
};

describe('architecture check', () => {
	it('passes a route that reaches a domain through its index with locals.ctx', () => {
		const result = run(project({ ...domains, 'src/routes/events/+page.server.ts': "import { setSessionCapacity } from '#lib/server/events/index.ts';\n" }));
		expect(result.status).toBe(0);
	});

	it('fails on a route that imports the database, a schema or drizzle', () => {
		const result = run(
			project({
				...domains,
				'src/routes/a/+page.server.ts': "import { getRuntime } from '#lib/server/runtime.ts';\nimport { eq } from 'drizzle-orm';\n",
				'src/routes/b/+page.server.ts': "import { eventSession } from '#lib/server/events/schema.ts';\nimport type { Db } from '#lib/server/db/client.ts';\n"
			})
		);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('4 problem(s)');
		expect(result.stderr).toContain('src/routes/a/+page.server.ts:1: a route imports #lib/server/runtime.ts');
		expect(result.stderr).toContain('src/routes/a/+page.server.ts:2: a route imports "drizzle-orm"');
		expect(result.stderr).toContain('src/routes/b/+page.server.ts:2: a route imports #lib/server/db/client.ts');
	});

	it("fails when a domain reaches past another's index or writes another's table", () => {
		const result = run(
			project({
				...domains,
				'src/lib/server/events/commands.ts': 'export {};\n',
				'src/lib/server/registrations/seats.ts':
					"import { eventSession } from '../events/schema.ts';\nimport { x } from '../events/commands.ts';\nawait tx.update(eventSession).set({});\n"
			})
		);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('src/lib/server/registrations/seats.ts:2: the registrations domain imports ../events/commands.ts');
		expect(result.stderr).toContain('src/lib/server/registrations/seats.ts:3: the registrations domain writes eventSession, a table of events');
	});
});
