import type { Actor, Ctx } from '../context.ts';
import { auditLog } from './schema.ts';

export interface AuditEntry {
	action: string;
	entity: string;
	entityId?: string | null;
	details?: Record<string, unknown>;
}

function actorColumns(actor: Actor) {
	switch (actor.kind) {
		case 'user':
			return { actorKind: 'user', actorUserId: actor.userId, actorEmail: actor.email, actorRef: null };
		case 'registrant':
			return { actorKind: 'registrant', actorUserId: null, actorEmail: null, actorRef: actor.registrationId };
		case 'submitter':
			return { actorKind: 'submitter', actorUserId: null, actorEmail: null, actorRef: actor.practiceId };
		case 'system':
			return { actorKind: 'system', actorUserId: null, actorEmail: null, actorRef: actor.job };
		case 'anonymous':
			return { actorKind: 'anonymous', actorUserId: null, actorEmail: null, actorRef: null };
	}
}

/** Written inside the verb's transaction (ctx.db), so an action and its record stand or fall together. */
export async function recordAudit(ctx: Pick<Ctx, 'db' | 'actor'>, entry: AuditEntry): Promise<void> {
	await ctx.db.insert(auditLog).values({
		...actorColumns(ctx.actor),
		action: entry.action,
		entity: entry.entity,
		entityId: entry.entityId ?? null,
		details: entry.details ?? {}
	});
}
