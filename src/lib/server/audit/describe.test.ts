import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { testCtx } from '../testing/factories.ts';
import { recordAudit } from './log.ts';
import { auditActionsInUse, listAuditEntries } from './queries.ts';
import { DESCRIBED_ACTIONS, describeAuditEntry, foldEntries, type DescribableEntry } from './describe.ts';
import { demoExchangeWithSessions } from '../registrations/testing.ts';
import { authUser } from '../auth/schema.ts';

const server = path.join(import.meta.dirname, '..');

/** Every `action: '…'` the app's code writes (tests excluded). */
function codesInSource(): string[] {
	const found = new Set<string>();
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
				for (const match of fs.readFileSync(full, 'utf8').matchAll(/\baction: '([a-z_]+\.[a-z_.]+)'/g)) found.add(match[1]);
			}
		}
	};
	walk(server);
	return [...found].sort();
}

const entry = (action: string, details: Record<string, unknown> = {}, actor: Partial<DescribableEntry> = {}): DescribableEntry => ({
	actorKind: 'user',
	actorEmail: 'ana@example.org',
	actorName: 'Ana Pérez',
	actorRef: null,
	action,
	entity: 'event',
	entityId: null,
	details,
	...actor
});
const names = {
	events: { 'e0000000-0000-4000-8000-000000000001': { es: 'Intercambio 2021', pt: 'Intercâmbio 2021' } },
	sessions: { 'a0000000-0000-4000-8000-000000000002': { title: { es: 'Sesión 2', pt: 'Sessão 2', en: 'Session 2' }, startsAt: new Date('2021-07-01T13:00:00Z') } },
	practices: {}
};

describe('audit sentences', () => {
	it('has a sentence for every action code the app writes', () => {
		const codes = codesInSource();
		expect(codes.length).toBeGreaterThan(40);
		expect(codes.filter((c) => !DESCRIBED_ACTIONS.includes(c))).toEqual([]);
	});

	it('writes each code as a sentence in the reader’s language, with no raw code left', () => {
		for (const code of codesInSource()) {
			for (const locale of ['es', 'pt', 'en'] as const) {
				const sentence = describeAuditEntry(entry(code), { locale, zone: 'UTC', names });
				expect(sentence).not.toContain(code);
				expect(sentence).toMatch(/^Ana Pérez .+\.$/);
			}
		}
	});

	it('names the person, the session and the times', () => {
		const moved = entry(
			'session.updated',
			{ eventId: 'e0000000-0000-4000-8000-000000000001', startsAt: { from: '2021-07-01T13:00:00Z', to: '2021-07-01T14:00:00Z' }, joinUrlChanged: false },
			{ entity: 'session', entityId: 'a0000000-0000-4000-8000-000000000002' }
		);
		expect(describeAuditEntry(moved, { locale: 'en', zone: 'America/Montevideo', names })).toMatch(/^Ana Pérez changed the time of “Session 2” from .*10:00.* to .*11:00.*\.$/);
		expect(describeAuditEntry(moved, { locale: 'pt', zone: 'America/Montevideo', names })).toMatch(/^Ana Pérez alterou o horário de “Sessão 2” de .*10:00.* para .*11:00/);
	});

	it('tells the actor kinds apart and folds a job’s round, pluralised', () => {
		const confirmed = entry('registration.confirmed', { eventId: 'e0000000-0000-4000-8000-000000000001' }, { actorKind: 'registrant', actorEmail: null, actorName: null, actorRef: 'r1' });
		expect(describeAuditEntry(confirmed, { locale: 'en', zone: 'UTC', names })).toBe('A registrant confirmed their registration for “Intercambio 2021”.');
		expect(describeAuditEntry(confirmed, { locale: 'es', zone: 'UTC', names })).toBe('Una persona inscrita confirmó su inscripción en “Intercambio 2021”.');
		const at = new Date('2021-07-01T12:00:00Z');
		const expired = (i: number) => ({ ...entry('registration.expired', { eventId: 'e0000000-0000-4000-8000-000000000001' }, { actorKind: 'system', actorEmail: null, actorName: null, actorRef: 'registration-round', entity: 'registration', entityId: `r${i}` }), at });
		const folded = foldEntries([expired(1), expired(2), expired(3), { ...entry('mail.requeued'), at }]);
		expect(folded.map((f) => f.members.length)).toEqual([3, 1]);
		expect(describeAuditEntry(folded[0].entry, { locale: 'en', zone: 'UTC', names, count: 3 })).toBe('The registrations job expired 3 unconfirmed registrations for “Intercambio 2021”.');
		expect(describeAuditEntry(folded[0].entry, { locale: 'en', zone: 'UTC', names, count: 1 })).toBe('The registrations job expired 1 unconfirmed registration for “Intercambio 2021”.');
		expect(describeAuditEntry(entry('registrants.written', { recipients: 1 }), { locale: 'pt', zone: 'UTC', names })).toBe('Ana Pérez escreveu para 1 pessoa inscrita em um intercâmbio.');
	});

	it('falls back to a generic sentence for a code it does not know', () => {
		expect(describeAuditEntry(entry('thing.frobbed', {}, { entity: 'widget' }), { locale: 'en', zone: 'UTC', names })).toBe('Ana Pérez did “thing.frobbed” on widget.');
	});
});

describe.each(testDatabases())('the audit log’s filters on $name', ({ open }) => {
	let database: Database;
	let eventId: string;
	beforeAll(async () => {
		database = await open();
		({ eventId } = await demoExchangeWithSessions(database.db));
		await database.db.insert(authUser).values({ id: 'u-ana', name: 'Ana Pérez', email: 'ana@example.org' });
		const ana = testCtx(database.db, { kind: 'user', userId: 'u-ana', email: 'ana@example.org', name: 'Ana Pérez', roles: [] });
		const round = testCtx(database.db, { kind: 'system', job: 'registration-round' });
		await recordAudit(ana, { action: 'event.settings_updated', entity: 'event', entityId: eventId, details: {} });
		await recordAudit(round, { action: 'registration.expired', entity: 'registration', entityId: 'x', details: { eventId } });
		await recordAudit(testCtx(database.db, { kind: 'registrant', registrationId: 'r1' }), { action: 'registration.confirmed', entity: 'registration', entityId: 'r1', details: { eventId } });
	});
	afterAll(() => database?.close());

	it('filters by person (address, name or kind), by action and by date, and names the exchange', async () => {
		const all = await listAuditEntries({ db: database.db }, { limit: 50, offset: 0 });
		const byName = await listAuditEntries({ db: database.db }, { limit: 50, offset: 0, filter: { person: 'pérez' } });
		expect(byName.rows.map((r) => [r.action, r.actorName])).toEqual([['event.settings_updated', 'Ana Pérez']]);
		expect(byName.names.events[eventId].es).toBeTruthy();
		expect((await listAuditEntries({ db: database.db }, { limit: 50, offset: 0, filter: { person: 'ana@' } })).total).toBe(1);
		expect((await listAuditEntries({ db: database.db }, { limit: 50, offset: 0, filter: { person: 'system' } })).rows.map((r) => r.action)).toContain('registration.expired');
		expect((await listAuditEntries({ db: database.db }, { limit: 50, offset: 0, filter: { action: 'registration.confirmed' } })).rows.map((r) => r.actorKind)).toEqual(['registrant']);
		expect((await listAuditEntries({ db: database.db }, { limit: 50, offset: 0, filter: { from: new Date(Date.now() + 86_400_000) } })).total).toBe(0);
		expect((await listAuditEntries({ db: database.db }, { limit: 50, offset: 0, filter: { to: new Date(Date.now() + 86_400_000), from: new Date(Date.now() - 86_400_000) } })).total).toBe(all.total);
		expect(await auditActionsInUse({ db: database.db })).toEqual(expect.arrayContaining(['event.seeded', 'event.settings_updated', 'registration.confirmed', 'registration.expired']));
	});
});
