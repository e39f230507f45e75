// A new edition copied from a past one asks the same survey questions; the answers stay with the
// old edition. Called by the exchanges domain's copyExchange inside its transaction.
import { asc, eq } from 'drizzle-orm';
import { DomainError, inTransaction, type Ctx } from '../context.ts';
import { canManageEvent, canManageNetwork } from '../auth/index.ts';
import { event } from '../events/schema.ts';
import { surveyQuestion } from './schema.ts';

export async function copySurveyQuestions({ ctx, fromEventId, toEventId }: { ctx: Ctx; fromEventId: string; toEventId: string }) {
	return inTransaction(ctx, async (tx) => {
		// From an exchange they manage, or from a public one used as a template.
		const [source] = await tx.db.select({ status: event.status }).from(event).where(eq(event.id, fromEventId));
		if (!source || !(canManageEvent(ctx.actor, fromEventId) || source.status === 'published' || source.status === 'archived')) throw new DomainError('forbidden', 'forbidden');
		const [target] = await tx.db.select({ networkId: event.networkId }).from(event).where(eq(event.id, toEventId));
		if (!target) throw new DomainError('not_found', 'not_found');
		// The new edition is minutes old: its network's organisers' roles do not list it yet.
		if (!canManageNetwork(ctx.actor, target.networkId) && !canManageEvent(ctx.actor, toEventId)) throw new DomainError('forbidden', 'forbidden');
		const questions = await tx.db.select().from(surveyQuestion).where(eq(surveyQuestion.eventId, fromEventId)).orderBy(asc(surveyQuestion.position));
		if (questions.length) {
			await tx.db.insert(surveyQuestion).values(questions.map((q) => ({ eventId: toEventId, position: q.position, kind: q.kind, label: q.label })));
		}
		return { questions: questions.length };
	});
}
