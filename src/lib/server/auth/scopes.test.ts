import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, type Actor, type Ctx, type User } from '../context.ts';
import { outbox } from '../mail/schema.ts';
import { seedDemoExchange } from '../demo/index.ts';
import { createNetwork } from '../networks/index.ts';
import { createEvent } from '../events/index.ts';
import { aNetworkOrganiser, anEventOrganiser, anOrganiser, aReviewer, aStranger, testCtx, unique } from '../testing/factories.ts';
import { ensureFirstOrganiser, grantPersonRole, revokePersonRole } from './commands.ts';
import { grantableScopes, listPeople, rolesOf } from './queries.ts';
import { canGrantRole, canManageEvent, canManagePeople, ROLES_AT, type RoleScope } from './rules.ts';
import { authUser, roleAssignment, ROLES, type Role } from './schema.ts';

// Roles are held where they apply: the installation, a network (every exchange of it), one
// exchange. These tests walk who may give which role where, and that a network's organiser
// neither sees nor changes another network's people.

describe('who may give which role where (canGrantRole, every role × place × kind of person)', () => {
	const A = randomUUID();
	const B = randomUUID();
	const A1 = randomUUID();
	const A2 = randomUUID();
	const B1 = randomUUID();
	const places = {
		installation: { networkId: null, eventId: null },
		'network A': { networkId: A, eventId: null },
		'network B': { networkId: B, eventId: null },
		'exchange A1': { networkId: null, eventId: A1, eventNetworkId: A },
		'exchange A2': { networkId: null, eventId: A2, eventNetworkId: A },
		'exchange B1': { networkId: null, eventId: B1, eventNetworkId: B }
	} satisfies Record<string, Omit<RoleScope, 'role'>>;
	type Place = keyof typeof places;
	const people: Record<string, Actor> = {
		administrator: anOrganiser(),
		'organiser of network A': aNetworkOrganiser(A, [A1, A2]),
		'organiser of exchange A1': anEventOrganiser(A1),
		'reviewer of exchange A1': aReviewer(A1),
		'moderator of exchange A1': { ...aStranger(), roles: [{ role: 'moderator', networkId: null, eventId: A1 }] },
		'someone without a role': aStranger(),
		'an anonymous visitor': ANONYMOUS,
		'a registrant': { kind: 'registrant', registrationId: randomUUID() }
	};
	// Who may, for each place, give a role that exists there; a role that does not exist at a place nobody gives.
	const mayGive: Record<Place, string[]> = {
		installation: ['administrator'],
		'network A': ['administrator', 'organiser of network A'],
		'network B': ['administrator'],
		'exchange A1': ['administrator', 'organiser of network A', 'organiser of exchange A1'],
		'exchange A2': ['administrator', 'organiser of network A'],
		'exchange B1': ['administrator']
	};
	const kind = (place: Place) => (place === 'installation' ? 'installation' : place.startsWith('network') ? 'network' : 'event');

	for (const role of ROLES) {
		for (const place of Object.keys(places) as Place[]) {
			const exists = ROLES_AT[kind(place)].includes(role);
			it(`${role} at ${place}: ${exists ? mayGive[place].join(', ') : 'nobody (the role does not exist there)'}`, () => {
				const givers = Object.entries(people)
					.filter(([, actor]) => canGrantRole(actor, { role, ...places[place] }))
					.map(([who]) => who);
				expect(givers).toEqual(exists ? mayGive[place] : []);
			});
		}
	}

	it('a network’s organiser reaches an exchange of it even when the exchange’s network is not said', () => {
		expect(canGrantRole(people['organiser of network A'], { role: 'reviewer', networkId: null, eventId: A2 })).toBe(true);
		expect(canGrantRole(people['organiser of network A'], { role: 'reviewer', networkId: null, eventId: B1 })).toBe(false);
	});

	it('opens the people page to whoever may give a role somewhere', () => {
		expect(Object.entries(people).filter(([, actor]) => canManagePeople(actor)).map(([who]) => who)).toEqual([
			'administrator',
			'organiser of network A',
			'organiser of exchange A1'
		]);
	});
});

describe.each(testDatabases())('roles at their places on $name', ({ open }) => {
	let database: Database;
	let system: Ctx;
	let admin: User;
	let networkA: string;
	let networkB: string;
	let exchangeA1: string;
	let exchangeA2: string;
	let exchangeB1: string;
	const emails = { orgA: 'org-a@example.org', orgB: 'org-b@example.org', exA1: 'ex-a1@example.org', revB: 'rev-b@example.org' };

	/** The person as the session would read them: their roles from the database. */
	async function signedIn(email: string): Promise<User> {
		const [user] = await database.db.select().from(authUser).where(eq(authUser.email, email));
		return { kind: 'user', userId: user.id, email: user.email, name: user.name, roles: await rolesOf(system, user.id) };
	}
	const as = (actor: Actor, locale: 'es' | 'pt' | 'en' = 'es') => testCtx(database.db, actor, { locale });
	const mailsTo = (email: string) => database.db.select().from(outbox).where(eq(outbox.recipient, email));
	const everyone = new Set(['admin@example.org', ...Object.values(emails)]);
	/** What a person sees on the people page of the people made before the tests: [email, role, place in words, may remove]. */
	async function seenBy(actor: Actor) {
		const people = (await listPeople(as(actor))).filter((p) => everyone.has(p.email));
		return people.flatMap((p) =>
			p.roles.map((r) => [
				p.email,
				r.role,
				r.scope.kind === 'installation' ? 'installation' : r.scope.kind === 'network' ? `network ${r.scope.name}` : `${r.scope.title.es} (${r.scope.networkName})`,
				r.mayRemove
			])
		);
	}

	beforeAll(async () => {
		database = await open();
		system = testCtx(database.db, { kind: 'system', job: 'seed' });
		await ensureFirstOrganiser(system, 'admin@example.org');
		admin = await signedIn('admin@example.org');
		const demo = await seedDemoExchange(system);
		exchangeA1 = demo.eventId!;
		networkA = (await grantableScopes(as(admin))).networks.find((n) => n.name === 'Mercociudades')!.id;
		networkB = await createNetwork({
			ctx: as(admin),
			input: { slug: 'red-del-sur', name: 'Red del Sur', shortName: '', websiteUrl: '', descriptionEs: '', descriptionPt: '', descriptionEn: '' }
		});
		({ id: exchangeA2 } = await createEvent({
			ctx: as(admin),
			input: { networkId: networkA, unitId: null, slug: 'otro-intercambio', title: 'Otro intercambio', timeZone: 'America/Montevideo', languages: ['es'] }
		}));
		({ id: exchangeB1 } = await createEvent({
			ctx: as(admin),
			input: { networkId: networkB, unitId: null, slug: 'sur-2030', title: 'Encuentro del Sur', timeZone: 'America/Santiago', languages: ['es'] }
		}));
		const grant = (email: string, role: Role, networkId: string | null, eventId: string | null) =>
			grantPersonRole({ ctx: as(admin), input: { email, name: '', role, networkId, eventId } });
		await grant(emails.orgA, 'organiser', networkA, null);
		await grant(emails.orgB, 'organiser', networkB, null);
		await grant(emails.exA1, 'organiser', null, exchangeA1);
		await grant(emails.revB, 'reviewer', null, exchangeB1);
	});
	afterAll(() => database?.close());

	const demoTitle = 'Intercambio de buenas prácticas en planificación estratégica territorial';

	it('lists everyone to an administrator, and to each organiser only the roles of their reach', async () => {
		expect(await seenBy(admin)).toEqual([
			['admin@example.org', 'administrator', 'installation', false],
			[emails.exA1, 'organiser', `${demoTitle} (Mercociudades)`, true],
			[emails.orgA, 'organiser', 'network Mercociudades', true],
			[emails.orgB, 'organiser', 'network Red del Sur', true],
			[emails.revB, 'reviewer', 'Encuentro del Sur (Red del Sur)', true]
		]);
		// A network's organiser: the network's roles and its exchanges', not the other network's people.
		expect(await seenBy(await signedIn(emails.orgA))).toEqual([
			[emails.exA1, 'organiser', `${demoTitle} (Mercociudades)`, true],
			[emails.orgA, 'organiser', 'network Mercociudades', true]
		]);
		expect(await seenBy(await signedIn(emails.orgB))).toEqual([
			[emails.orgB, 'organiser', 'network Red del Sur', true],
			[emails.revB, 'reviewer', 'Encuentro del Sur (Red del Sur)', true]
		]);
		// An exchange's organiser: that exchange's roles, and the network's organisers who run it too (not theirs to remove).
		expect(await seenBy(await signedIn(emails.exA1))).toEqual([
			[emails.exA1, 'organiser', `${demoTitle} (Mercociudades)`, true],
			[emails.orgA, 'organiser', 'network Mercociudades', false]
		]);
		expect(await listPeople(as(await signedIn(emails.revB)))).toEqual([]);
	});

	it('offers each person only the places they may give roles at, and the roles that exist there', async () => {
		const offered = async (actor: Actor) => {
			const s = await grantableScopes(as(actor));
			// (less the exchange another test creates later)
			const events = (n: (typeof s.networks)[number]) => n.events.map((e) => e.title.es).filter((t) => t !== 'Intercambio posterior');
			return { installation: s.installation, roles: s.roles, networks: s.networks.map((n) => [n.name, n.grant, events(n)]) };
		};
		expect(await offered(admin)).toEqual({
			installation: true,
			roles: ['administrator', 'organiser', 'reviewer', 'moderator'],
			networks: [
				['Mercociudades', true, ['Otro intercambio', demoTitle]],
				['Red del Sur', true, ['Encuentro del Sur']]
			]
		});
		expect(await offered(await signedIn(emails.orgA))).toEqual({
			installation: false,
			roles: ['organiser', 'reviewer', 'moderator'],
			networks: [['Mercociudades', true, ['Otro intercambio', demoTitle]]]
		});
		expect(await offered(await signedIn(emails.exA1))).toEqual({
			installation: false,
			roles: ['organiser', 'reviewer', 'moderator'],
			networks: [['Mercociudades', false, [demoTitle]]]
		});
		expect(await offered(await signedIn(emails.revB))).toEqual({ installation: false, roles: [], networks: [] });
	});

	it('refuses a network’s organiser every role in another network, and the installation, writing nothing', async () => {
		const orgA = as(await signedIn(emails.orgA));
		const attempts: [Role, string | null, string | null][] = [
			['reviewer', null, exchangeB1],
			['organiser', null, exchangeB1],
			['organiser', networkB, null],
			['administrator', null, null],
			['reviewer', null, randomUUID()]
		];
		for (const [role, networkId, eventId] of attempts) {
			await expect(grantPersonRole({ ctx: orgA, input: { email: 'intruder@example.org', name: '', role, networkId, eventId } }), `${role} ${networkId ?? eventId}`).rejects.toMatchObject({
				code: 'forbidden'
			});
		}
		expect(await database.db.select().from(authUser).where(eq(authUser.email, 'intruder@example.org'))).toEqual([]);
		expect(await mailsTo('intruder@example.org')).toEqual([]);
	});

	it('refuses an exchange’s organiser the network and the network’s other exchanges', async () => {
		const exA1 = as(await signedIn(emails.exA1));
		await expect(grantPersonRole({ ctx: exA1, input: { email: 'x@example.org', name: '', role: 'organiser', networkId: networkA, eventId: null } })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(grantPersonRole({ ctx: exA1, input: { email: 'x@example.org', name: '', role: 'reviewer', networkId: null, eventId: exchangeA2 } })).rejects.toMatchObject({ code: 'forbidden' });
		// Their own exchange is theirs to give roles in.
		const given = await grantPersonRole({ ctx: exA1, input: { email: 'mod-a1@example.org', name: '', role: 'moderator', networkId: null, eventId: exchangeA1 } });
		expect(given.granted).toBe(true);
		expect(await database.db.select().from(authUser).where(eq(authUser.email, 'x@example.org'))).toEqual([]);
	});

	it('answers a removal beyond one’s reach as if the role did not exist, and keeps it', async () => {
		const people = await listPeople(as(admin));
		const assignment = (email: string) => people.find((p) => p.email === email)!.roles[0].assignmentId;
		await expect(revokePersonRole({ ctx: as(await signedIn(emails.orgA)), assignmentId: assignment(emails.revB) })).rejects.toMatchObject({ code: 'not_found' });
		await expect(revokePersonRole({ ctx: as(await signedIn(emails.orgA)), assignmentId: assignment(emails.orgB) })).rejects.toMatchObject({ code: 'not_found' });
		await expect(revokePersonRole({ ctx: as(await signedIn(emails.exA1)), assignmentId: assignment(emails.orgA) })).rejects.toMatchObject({ code: 'not_found' });
		await expect(revokePersonRole({ ctx: as(await signedIn(emails.orgA)), assignmentId: assignment('admin@example.org') })).rejects.toMatchObject({ code: 'not_found' });
		const still = await database.db.select({ id: roleAssignment.id }).from(roleAssignment);
		for (const email of [emails.revB, emails.orgB, emails.orgA, 'admin@example.org']) expect(still.map((r) => r.id)).toContain(assignment(email));

		// Within their reach it goes: the organiser of network A takes away a role at its exchange.
		const temp = await grantPersonRole({ ctx: as(await signedIn(emails.orgA)), input: { email: 'temp-a1@example.org', name: '', role: 'reviewer', networkId: null, eventId: exchangeA1 } });
		const [row] = await database.db.select({ id: roleAssignment.id }).from(roleAssignment).where(eq(roleAssignment.userId, temp.userId));
		await revokePersonRole({ ctx: as(await signedIn(emails.orgA)), assignmentId: row.id });
		expect(await database.db.select().from(roleAssignment).where(eq(roleAssignment.userId, temp.userId))).toEqual([]);
	});

	it('gives a network’s organiser the exchanges created after the role was given', async () => {
		const before = await signedIn(emails.orgA);
		const { id: later } = await createEvent({
			ctx: as(admin),
			input: { networkId: networkA, unitId: null, slug: `despues-${unique()}`, title: 'Intercambio posterior', timeZone: 'America/Montevideo', languages: ['es'] }
		});
		expect(canManageEvent(before, later)).toBe(false);
		const after = await signedIn(emails.orgA);
		expect(after.roles).toContainEqual({ role: 'organiser', networkId: networkA, eventId: later, via: 'network' });
		expect(canManageEvent(after, later)).toBe(true);
		expect(canManageEvent(await signedIn(emails.orgB), later)).toBe(false);
		expect(canManageEvent(await signedIn(emails.exA1), later)).toBe(false);
		// And may give roles in it, which a mail names by its title.
		await grantPersonRole({ ctx: as(after), input: { email: 'later-reviewer@example.org', name: '', role: 'reviewer', networkId: null, eventId: later } });
		const [mail] = await mailsTo('later-reviewer@example.org');
		expect(mail.body).toContain('te dieron el rol de evaluación en el intercambio «Intercambio posterior».');
	});

	it('names the place in the invitation, in the organiser’s language: a network, an exchange, the installation', async () => {
		const [orgA] = await mailsTo(emails.orgA);
		expect(orgA.body).toContain(
			'En Intercambio te dieron el rol de organización en la red Mercociudades. Puedes organizar todos los intercambios de esa red, también los que se creen más adelante, y dar roles en ellos.'
		);
		await grantPersonRole({ ctx: as(admin, 'en'), input: { email: 'english@example.org', name: '', role: 'organiser', networkId: networkB, eventId: null } });
		const [en] = await mailsTo('english@example.org');
		expect([en.locale, en.subject]).toEqual(['en', 'You have a role in Intercambio']);
		expect(en.body).toContain('In Intercambio you were given the organiser role in the Red del Sur network. You can run every exchange of that network');
		await grantPersonRole({ ctx: as(admin, 'pt'), input: { email: 'admin-pt@example.org', name: '', role: 'administrator', networkId: null, eventId: null } });
		const [pt] = await mailsTo('admin-pt@example.org');
		expect(pt.body).toContain('No Intercâmbio, você recebeu o papel de administração em toda a instalação. Você pode criar redes');
		const [ex] = await mailsTo(emails.exA1);
		expect(ex.body).toContain(`te dieron el rol de organización en el intercambio «${demoTitle}». Puedes editar ese intercambio`);
		const [rev] = await mailsTo(emails.revB);
		expect(rev.body).toContain('te dieron el rol de evaluación en el intercambio «Encuentro del Sur».');
	});

	it('refuses in the database a role held at a place it does not exist at', async () => {
		const [user] = await database.db.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, emails.orgA));
		const wrong: { role: Role; networkId: string | null; eventId: string | null; what: string }[] = [
			{ role: 'organiser', networkId: networkA, eventId: exchangeA1, what: 'organiser of a network and an exchange' },
			{ role: 'organiser', networkId: null, eventId: null, what: 'organiser of nothing' },
			{ role: 'administrator', networkId: networkA, eventId: null, what: 'administrator of a network' },
			{ role: 'reviewer', networkId: networkA, eventId: null, what: 'reviewer of a network' },
			{ role: 'moderator', networkId: null, eventId: null, what: 'moderator of nothing' }
		];
		for (const { what, ...values } of wrong) {
			const error = await database.db
				.insert(roleAssignment)
				.values({ userId: user.id, ...values })
				.then(() => null, (e: unknown) => e as Error & { cause?: Error });
			expect(String(error?.cause?.message ?? error?.message), what).toContain('role_assignment_scope');
		}
		const held = await database.db.select({ role: roleAssignment.role }).from(roleAssignment).where(and(eq(roleAssignment.userId, user.id)));
		expect(held).toEqual([{ role: 'organiser' }]);
	});
});
