import type { Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import { recordAudit } from '../audit/log.ts';
import { canReadInstallationRecords } from '../auth/rules.ts';
import { requeueMail } from './outbox.ts';

/** An organiser gives a mail that ran out of attempts another round of sending. */
export async function retryMail({ ctx, mailId, now = new Date() }: { ctx: Ctx; mailId: string; now?: Date }) {
	if (!canReadInstallationRecords(ctx.actor)) throw new DomainError('forbidden', 'forbidden');
	await ctx.db.transaction(async (tx) => {
		if (!(await requeueMail(tx, mailId, now))) throw new DomainError('conflict', 'invalid');
		await recordAudit(tx, ctx.actor, { action: 'mail.requeued', entity: 'outbox', entityId: mailId });
	});
}
