import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../context.ts';
import { auditLog } from './schema.ts';

export interface AuditEntry {
	action: string;
	entity: string;
	entityId?: string | null;
	details?: Record<string, unknown>;
}

/** Written inside the caller's transaction, so an action and its record stand or fall together. */
export async function recordAudit(tx: Db, actor: Actor | null, entry: AuditEntry): Promise<void> {
	await tx.insert(auditLog).values({
		actorUserId: actor?.userId ?? null,
		actorEmail: actor?.email ?? null,
		action: entry.action,
		entity: entry.entity,
		entityId: entry.entityId ?? null,
		details: entry.details ?? {}
	});
}

export async function listAuditEntries(db: Db, params: { limit: number; offset: number }) {
	const rows = await db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			actorEmail: auditLog.actorEmail,
			action: auditLog.action,
			entity: auditLog.entity,
			entityId: auditLog.entityId,
			details: auditLog.details
		})
		.from(auditLog)
		.orderBy(desc(auditLog.id))
		.limit(params.limit)
		.offset(params.offset);
	const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditLog);
	return { rows, total };
}
