import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { testCtx } from '../testing/factories.ts';
import { practice } from '../practices/schema.ts';
import { auditLog } from '../audit/schema.ts';
import { getPublishedEvent } from '../events/index.ts';
import { DEMO_EVENT_SLUG, demoPractices, seedDemoContent } from './index.ts';

describe.each(testDatabases())('demo content on $name', ({ open }) => {
	let database: Database;
	beforeAll(async () => {
		database = await open();
	});
	afterAll(() => database?.close());

	it('seeds the exchange then its practices into an empty database only, as the seed job', async () => {
		const messages: string[] = [];
		const log = { info: (_: object, msg?: string) => void messages.push(msg ?? '') };
		const ctx = testCtx(database.db, { kind: 'system', job: 'seed' });
		await seedDemoContent(ctx, log);
		await seedDemoContent(ctx, log);
		expect(messages).toEqual(['demo exchange seeded', 'demo practices seeded']);

		const exchange = await getPublishedEvent(ctx, DEMO_EVENT_SLUG);
		expect([exchange?.isDemo, exchange?.axes.length, exchange?.sessions.length]).toEqual([true, 3, 2]);
		const rows = await database.db.select({ demo: practice.demo, eventId: practice.eventId }).from(practice);
		expect(rows).toHaveLength(demoPractices.length);
		expect(rows.every((r) => r.demo)).toBe(true);
		expect(rows.filter((r) => r.eventId === exchange!.id)).toHaveLength(demoPractices.filter((d) => d.session !== null).length);
		const [seeded] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'event.seeded'));
		expect([seeded.actorKind, seeded.actorRef, seeded.entityId]).toEqual(['system', 'seed', exchange!.id]);
	});
});
