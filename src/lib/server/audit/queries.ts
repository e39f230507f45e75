import { desc, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { auditLog } from './schema.ts';

export async function listAuditEntries(ctx: Pick<Ctx, 'db'>, params: { limit: number; offset: number }) {
	const rows = await ctx.db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			actorKind: auditLog.actorKind,
			actorEmail: auditLog.actorEmail,
			actorRef: auditLog.actorRef,
			action: auditLog.action,
			entity: auditLog.entity,
			entityId: auditLog.entityId,
			details: auditLog.details
		})
		.from(auditLog)
		.orderBy(desc(auditLog.id))
		.limit(params.limit)
		.offset(params.offset);
	const [{ total }] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(auditLog);
	return { rows, total };
}
