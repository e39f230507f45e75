import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Ctx, User } from '../context.ts';
import { auditLog } from '../audit/schema.ts';
import { outbox } from '../mail/schema.ts';
import { seedDemoExchange } from '../demo/index.ts';
import { aNetworkOrganiser, aReviewer, testCtx } from '../testing/factories.ts';
import { ensureFirstOrganiser, grantPersonRole, revokePersonRole, sendSignInLink } from './commands.ts';
import { listPeople, rolesOf } from './queries.ts';
import { authUser } from './schema.ts';

describe.each(testDatabases())('people and roles on $name', ({ open }) => {
	let database: Database;
	let organiser: User;
	let ctx: Ctx;
	beforeAll(async () => {
		database = await open();
		await ensureFirstOrganiser(testCtx(database.db, { kind: 'system', job: 'seed' }), 'boss@example.org');
		const [user] = await database.db.select().from(authUser).where(eq(authUser.email, 'boss@example.org'));
		organiser = { kind: 'user', userId: user.id, email: user.email, name: user.name, roles: await rolesOf(testCtx(database.db), user.id) };
		ctx = testCtx(database.db, organiser);
	});
	afterAll(() => database?.close());

	it('records the first organiser as made by the start-up job', async () => {
		const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'organiser.bootstrapped'));
		expect([entry.actorKind, entry.actorRef, entry.details]).toEqual(['system', 'seed', { email: 'boss@example.org' }]);
	});

	it('gives a new person a role once, with an audit record and one invitation mail', async () => {
		const { eventId } = await seedDemoExchange(testCtx(database.db, { kind: 'system', job: 'seed' }));
		const input = { email: 'reviewer@example.org', name: 'Rita', role: 'reviewer' as const, networkId: null, eventId: eventId! };
		const first = await grantPersonRole({ ctx, input });
		expect(first.granted).toBe(true);
		const again = await grantPersonRole({ ctx, input });
		expect(again).toEqual({ userId: first.userId, granted: false });

		expect(await rolesOf(ctx, first.userId)).toEqual([{ role: 'reviewer', networkId: null, eventId }]);
		const mails = await database.db.select().from(outbox).where(eq(outbox.recipient, 'reviewer@example.org'));
		expect(mails.map((m) => [m.template, m.state, m.subject])).toEqual([['role-invitation', 'stored', 'Tienes un rol en Intercambio']]);
		expect(mails[0].body).toContain(
			'En Intercambio te dieron el rol de evaluación en el intercambio «Intercambio de buenas prácticas en planificación estratégica territorial». Podrás evaluar las prácticas presentadas a ese intercambio.'
		);
		expect(mails[0].body).toContain('http://intercambio.test/sign-in');
		const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'person.role_granted'));
		expect(audit.map((a) => [a.actorEmail, a.entityId])).toEqual([['boss@example.org', first.userId]]);
		const people = await listPeople(ctx);
		// Each role with its place in words, and whether it may be taken away (never the only administrator).
		expect(people.map((p) => [p.email, p.roles.map((r) => [r.role, r.scope, r.mayRemove])])).toEqual([
			['boss@example.org', [['administrator', { kind: 'installation' }, false]]],
			[
				'reviewer@example.org',
				[['reviewer', { kind: 'event', eventId, title: expect.objectContaining({ es: 'Intercambio de buenas prácticas en planificación estratégica territorial' }), networkId: expect.any(String), networkName: 'Mercociudades' }, true]]
			]
		]);
	});

	it('invites to one event in the organiser language, naming the event, and refuses an unknown event', async () => {
		const eventId = (await listPeople(ctx)).flatMap((p) => p.roles).find((r) => r.role === 'reviewer')!.eventId;
		const pt = testCtx(database.db, organiser, { locale: 'pt' });
		await grantPersonRole({ ctx: pt, input: { email: 'local@example.org', name: '', role: 'organiser', networkId: null, eventId: eventId! } });
		const [mail] = await database.db.select().from(outbox).where(eq(outbox.recipient, 'local@example.org'));
		expect([mail.locale, mail.payload]).toEqual(['pt', { signInUrl: 'http://intercambio.test/pt/sign-in', role: 'organiser', scope: 'event' }]);
		expect(mail.body).toContain('você recebeu o papel de organização no intercâmbio «Intercâmbio de boas práticas em planejamento estratégico territorial»');
		await expect(
			grantPersonRole({ ctx, input: { email: 'ghost@example.org', name: '', role: 'organiser', networkId: null, eventId: '00000000-0000-0000-0000-000000000000' } })
		).rejects.toMatchObject({ code: 'invalid' });
		expect(await database.db.select().from(authUser).where(eq(authUser.email, 'ghost@example.org'))).toEqual([]);
	});

	it('refuses a reviewer, and an administrator role to anyone but an administrator, writing nothing', async () => {
		await expect(
			grantPersonRole({
				ctx: testCtx(database.db, aReviewer()),
				input: { email: 'friend@example.org', name: '', role: 'administrator', networkId: null, eventId: null }
			})
		).rejects.toMatchObject({ code: 'forbidden' });
		await expect(
			grantPersonRole({
				ctx: testCtx(database.db, aNetworkOrganiser('00000000-0000-0000-0000-000000000000')),
				input: { email: 'friend@example.org', name: '', role: 'administrator', networkId: null, eventId: null }
			})
		).rejects.toMatchObject({ code: 'forbidden' });
		await expect(
			grantPersonRole({ ctx, input: { email: 'friend@example.org', name: '', role: 'organiser', networkId: null, eventId: null } })
		).rejects.toMatchObject({ code: 'invalid', messageKey: 'role_scope' });
		expect(await database.db.select().from(authUser).where(eq(authUser.email, 'friend@example.org'))).toEqual([]);
	});

	it('never removes the last administrator, and audits a removal', async () => {
		const [boss] = (await listPeople(ctx)).filter((p) => p.email === 'boss@example.org');
		await expect(revokePersonRole({ ctx, assignmentId: boss.roles[0].assignmentId })).rejects.toMatchObject({
			code: 'conflict',
			messageKey: 'last_organiser'
		});
		await grantPersonRole({ ctx, input: { email: 'second@example.org', name: '', role: 'administrator', networkId: null, eventId: null } });
		const [second] = (await listPeople(ctx)).filter((p) => p.email === 'second@example.org');
		// With two administrators, either may go.
		expect((await listPeople(ctx)).filter((p) => p.roles.some((r) => r.role === 'administrator')).map((p) => [p.email, p.roles[0].mayRemove])).toEqual([
			['boss@example.org', true],
			['second@example.org', true]
		]);
		await revokePersonRole({ ctx, assignmentId: second.roles[0].assignmentId });
		expect((await listPeople(ctx)).map((p) => p.email)).not.toContain('second@example.org');
		const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'person.role_revoked'));
		expect(audit).toHaveLength(1);
		await expect(revokePersonRole({ ctx, assignmentId: second.roles[0].assignmentId })).rejects.toMatchObject({ code: 'not_found' });
	});

	it('mails sign-in links only to existing accounts', async () => {
		const job = testCtx(database.db, { kind: 'system', job: 'sign-in-link' });
		await sendSignInLink({ ctx: job, email: 'Reviewer@Example.org', url: 'http://x' });
		await sendSignInLink({ ctx: job, email: 'stranger@example.org', url: 'http://x' });
		const links = await database.db.select({ to: outbox.recipient }).from(outbox).where(eq(outbox.template, 'magic-link'));
		expect(links.map((l) => l.to)).toEqual(['Reviewer@Example.org']);
	});
});
