import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Actor } from '../context.ts';
import { auditLog } from '../audit/schema.ts';
import { outbox } from '../mail/schema.ts';
import { roleInvitationMail } from '../mail/templates.ts';
import { ensureFirstOrganiser } from './bootstrap.ts';
import { grantPersonRole, listPeople, revokePersonRole, signInLinkSender } from './people.ts';
import { rolesOf } from './roles.ts';
import { authUser } from './schema.ts';

const invitation = (to: string) =>
	roleInvitationMail({ to, role: 'evaluación', scope: 'Todo Intercambio', signInUrl: 'http://localhost/sign-in', locale: 'es' });

describe.each(testDatabases())('people and roles on $name', ({ open }) => {
	let database: Database;
	let organiser: Actor;
	beforeAll(async () => {
		database = await open();
		await ensureFirstOrganiser(database.db, 'boss@example.org');
		const [user] = await database.db.select().from(authUser).where(eq(authUser.email, 'boss@example.org'));
		organiser = { userId: user.id, email: user.email, name: user.name, roles: await rolesOf(database.db, user.id) };
	});
	afterAll(() => database?.close());

	it('gives a new person a role once, with an audit record and one invitation mail', async () => {
		const ctx = { db: database.db, actor: organiser };
		const input = { email: 'reviewer@example.org', name: 'Rita', role: 'reviewer' as const, eventId: null };
		const first = await grantPersonRole({ ctx, input, delivery: 'outbox-only', invitation });
		expect(first.granted).toBe(true);
		const again = await grantPersonRole({ ctx, input, delivery: 'outbox-only', invitation });
		expect(again).toEqual({ userId: first.userId, granted: false });

		expect(await rolesOf(database.db, first.userId)).toEqual([{ role: 'reviewer', eventId: null }]);
		const mails = await database.db.select().from(outbox).where(eq(outbox.recipient, 'reviewer@example.org'));
		expect(mails.map((m) => [m.template, m.state, m.subject])).toEqual([['role-invitation', 'stored', 'Tienes un rol en Intercambio']]);
		expect(mails[0].body).toContain('evaluación (Todo Intercambio)');
		expect(mails[0].body).toContain('http://localhost/sign-in');
		const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'person.role_granted'));
		expect(audit.map((a) => [a.actorEmail, a.entityId])).toEqual([['boss@example.org', first.userId]]);
		const people = await listPeople(database.db);
		expect(people.map((p) => [p.email, p.roles.map((r) => r.role)])).toEqual([
			['boss@example.org', ['organiser']],
			['reviewer@example.org', ['reviewer']]
		]);
	});

	it('refuses anyone but an installation-wide organiser, writing nothing', async () => {
		const reviewer: Actor = { userId: 'x', email: 'r@example.org', name: 'R', roles: [{ role: 'reviewer', eventId: null }] };
		await expect(
			grantPersonRole({
				ctx: { db: database.db, actor: reviewer },
				input: { email: 'friend@example.org', name: '', role: 'organiser', eventId: null },
				delivery: 'outbox-only',
				invitation
			})
		).rejects.toMatchObject({ code: 'forbidden' });
		expect(await database.db.select().from(authUser).where(eq(authUser.email, 'friend@example.org'))).toEqual([]);
	});

	it('never removes the last installation-wide organiser, and audits a removal', async () => {
		const ctx = { db: database.db, actor: organiser };
		const [boss] = (await listPeople(database.db)).filter((p) => p.email === 'boss@example.org');
		await expect(revokePersonRole({ ctx, assignmentId: boss.roles[0].assignmentId })).rejects.toMatchObject({
			code: 'conflict',
			messageKey: 'last_organiser'
		});
		await grantPersonRole({
			ctx,
			input: { email: 'second@example.org', name: '', role: 'organiser', eventId: null },
			delivery: 'outbox-only',
			invitation
		});
		const [second] = (await listPeople(database.db)).filter((p) => p.email === 'second@example.org');
		await revokePersonRole({ ctx, assignmentId: second.roles[0].assignmentId });
		expect((await listPeople(database.db)).map((p) => p.email)).not.toContain('second@example.org');
		const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'person.role_revoked'));
		expect(audit).toHaveLength(1);
		await expect(revokePersonRole({ ctx, assignmentId: second.roles[0].assignmentId })).rejects.toMatchObject({ code: 'not_found' });
	});

	it('mails sign-in links only to existing accounts', async () => {
		const sent: string[] = [];
		const send = signInLinkSender(database.db, async (to) => void sent.push(to));
		await send({ email: 'Reviewer@Example.org', url: 'http://x' });
		await send({ email: 'stranger@example.org', url: 'http://x' });
		expect(sent).toEqual(['Reviewer@Example.org']);
	});
});
