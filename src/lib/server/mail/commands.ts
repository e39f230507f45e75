import { DomainError, inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { canReadInstallationRecords } from '../auth/index.ts';
import { requeueMail } from './outbox.ts';

/** An organiser gives a mail that ran out of attempts another round of sending. */
export async function retryMail({ ctx, mailId, now = new Date() }: { ctx: Ctx; mailId: string; now?: Date }): Promise<void> {
	if (!canReadInstallationRecords(ctx.actor)) throw new DomainError('forbidden', 'forbidden');
	await inTransaction(ctx, async (tx) => {
		if (!(await requeueMail(tx.db, mailId, now))) throw new DomainError('conflict', 'invalid');
		await recordAudit(tx, { action: 'mail.requeued', entity: 'outbox', entityId: mailId });
	});
}
