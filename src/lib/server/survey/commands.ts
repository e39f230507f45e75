import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError, inTransaction } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { assertCanManageEvent } from '../auth/index.ts';
import type { Locale, LocalizedText } from '../../i18n/localized.ts';
import { surveyQuestion, surveyResponse, type SurveyKind } from './schema.ts';
import { canAddSurveyQuestion, canAnswerSurvey } from './rules.ts';
import { surveyFor } from './queries.ts';

export async function addSurveyQuestion({ ctx, eventId, kind, label, locale }: { ctx: Ctx; eventId: string; kind: SurveyKind; label: string; locale: Locale }) {
	assertCanManageEvent(ctx, eventId);
	return inTransaction(ctx, async (tx) => {
		const [{ n, next }] = await tx.db
			.select({ n: sql<number>`count(*)::int`, next: sql<number>`coalesce(max(${surveyQuestion.position}), 0)::int + 1` })
			.from(surveyQuestion)
			.where(eq(surveyQuestion.eventId, eventId));
		if (!canAddSurveyQuestion(n)) throw new DomainError('conflict', 'too_many_survey_questions');
		const [row] = await tx.db.insert(surveyQuestion).values({ eventId, position: next, kind, label: { [locale]: label } as Partial<LocalizedText> }).returning({ id: surveyQuestion.id });
		await recordAudit(tx, { action: 'survey.question_added', entity: 'event', entityId: eventId, details: { questionId: row.id, kind } });
		return row.id;
	});
}

/** Give a question's label in another language. */
export async function labelSurveyQuestion({ ctx, eventId, questionId, label, locale }: { ctx: Ctx; eventId: string; questionId: string; label: string; locale: Locale }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const [q] = await tx.db.select({ label: surveyQuestion.label }).from(surveyQuestion).where(and(eq(surveyQuestion.id, questionId), eq(surveyQuestion.eventId, eventId))).for('update');
		if (!q) throw new DomainError('not_found', 'not_found');
		await tx.db.update(surveyQuestion).set({ label: { ...q.label, [locale]: label } }).where(eq(surveyQuestion.id, questionId));
		await recordAudit(tx, { action: 'survey.question_labelled', entity: 'event', entityId: eventId, details: { questionId, locale } });
	});
}

export async function removeSurveyQuestion({ ctx, eventId, questionId }: { ctx: Ctx; eventId: string; questionId: string }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const gone = await tx.db.delete(surveyQuestion).where(and(eq(surveyQuestion.id, questionId), eq(surveyQuestion.eventId, eventId))).returning({ id: surveyQuestion.id });
		if (!gone.length) throw new DomainError('not_found', 'not_found');
		await recordAudit(tx, { action: 'survey.question_removed', entity: 'event', entityId: eventId, details: { questionId } });
	});
}

/**
 * Keep one registrant's answers (through their private link); a second answer is refused (the
 * unique index decides under concurrency). Answers carry no audit row: the survey is anonymous
 * once the registration is deleted.
 */
export async function answerSurvey({ ctx, token, answers, now = new Date() }: { ctx: Ctx; token: string; answers: Record<string, number | string>; now?: Date }) {
	const survey = await surveyFor(ctx, { token, now });
	if (!survey) throw new DomainError('not_found', 'not_found');
	if (!canAnswerSurvey(survey)) throw new DomainError('conflict', 'survey_answered');
	const known = new Set(survey.questions.map((q) => q.id));
	const clean = Object.fromEntries(Object.entries(answers).filter(([id]) => known.has(id)));
	const inserted = await ctx.db
		.insert(surveyResponse)
		.values({ eventId: survey.eventId, registrationId: survey.registrationId, answers: clean, submittedAt: now })
		.onConflictDoNothing({ target: [surveyResponse.eventId, surveyResponse.registrationId] })
		.returning({ id: surveyResponse.id });
	if (!inserted.length) throw new DomainError('conflict', 'survey_answered');
}

/** A registration deleted for good leaves its answers in the results, tied to no one (inside that transaction). */
export async function detachSurveyResponses({ ctx, registrationId }: { ctx: Ctx; registrationId: string }) {
	await ctx.db.update(surveyResponse).set({ registrationId: null }).where(eq(surveyResponse.registrationId, registrationId));
}
