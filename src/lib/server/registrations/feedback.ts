import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/log.ts';
import { canManageEvent } from '../auth/rules.ts';
import { eventSession } from '../events/schema.ts';
import type { Locale, LocalizedText } from '../../i18n/localized.ts';
import { registration, registrationSession, surveyQuestion, surveyResponse, type SurveyKind } from './schema.ts';
import { hashToken, TOKEN_SHAPE } from './tokens.ts';

export const MAX_SURVEY_QUESTIONS = 10;
export const SCALE = [1, 2, 3, 4, 5] as const;

function assertCanManage(ctx: Ctx, eventId: string) {
	if (!canManageEvent(ctx.actor, eventId)) throw new DomainError('forbidden', 'forbidden');
}

export async function addSurveyQuestion({ ctx, eventId, kind, label, locale }: { ctx: Ctx; eventId: string; kind: SurveyKind; label: string; locale: Locale }) {
	assertCanManage(ctx, eventId);
	return ctx.db.transaction(async (tx) => {
		const [{ n, next }] = await tx
			.select({ n: sql<number>`count(*)::int`, next: sql<number>`coalesce(max(${surveyQuestion.position}), 0)::int + 1` })
			.from(surveyQuestion)
			.where(eq(surveyQuestion.eventId, eventId));
		if (n >= MAX_SURVEY_QUESTIONS) throw new DomainError('conflict', 'too_many_survey_questions');
		const [row] = await tx.insert(surveyQuestion).values({ eventId, position: next, kind, label: { [locale]: label } as Partial<LocalizedText> }).returning({ id: surveyQuestion.id });
		await recordAudit(tx, ctx.actor, { action: 'survey.question_added', entity: 'event', entityId: eventId, details: { questionId: row.id, kind } });
		return row.id;
	});
}

/** Give a question's label in another language. */
export async function labelSurveyQuestion({ ctx, eventId, questionId, label, locale }: { ctx: Ctx; eventId: string; questionId: string; label: string; locale: Locale }) {
	assertCanManage(ctx, eventId);
	await ctx.db.transaction(async (tx) => {
		const [q] = await tx.select().from(surveyQuestion).where(and(eq(surveyQuestion.id, questionId), eq(surveyQuestion.eventId, eventId))).for('update');
		if (!q) throw new DomainError('not_found', 'not_found');
		await tx.update(surveyQuestion).set({ label: { ...q.label, [locale]: label } }).where(eq(surveyQuestion.id, questionId));
		await recordAudit(tx, ctx.actor, { action: 'survey.question_labelled', entity: 'event', entityId: eventId, details: { questionId, locale } });
	});
}

export async function removeSurveyQuestion({ ctx, eventId, questionId }: { ctx: Ctx; eventId: string; questionId: string }) {
	assertCanManage(ctx, eventId);
	await ctx.db.transaction(async (tx) => {
		const gone = await tx.delete(surveyQuestion).where(and(eq(surveyQuestion.id, questionId), eq(surveyQuestion.eventId, eventId))).returning({ id: surveyQuestion.id });
		if (!gone.length) throw new DomainError('not_found', 'not_found');
		await recordAudit(tx, ctx.actor, { action: 'survey.question_removed', entity: 'event', entityId: eventId, details: { questionId } });
	});
}

export async function listSurveyQuestions(db: Db, eventId: string) {
	return db.select().from(surveyQuestion).where(eq(surveyQuestion.eventId, eventId)).orderBy(asc(surveyQuestion.position));
}

/**
 * The survey as a registrant sees it: open once a session they had a seat in is over, to
 * confirmed registrants, while they have not answered.
 */
export async function surveyFor(db: Db, token: string, now = new Date()) {
	if (!TOKEN_SHAPE.test(token)) return null;
	const [reg] = await db.select({ id: registration.id, eventId: registration.eventId, status: registration.status }).from(registration).where(eq(registration.tokenHash, hashToken(token)));
	if (!reg || reg.status !== 'confirmed') return null;
	const questions = await listSurveyQuestions(db, reg.eventId);
	if (questions.length === 0) return null;
	const [ended] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(registrationSession)
		.innerJoin(eventSession, eq(eventSession.id, registrationSession.sessionId))
		.where(and(eq(registrationSession.registrationId, reg.id), eq(registrationSession.state, 'seat'), sql`${eventSession.endsAt} <= ${now.toISOString()}::timestamptz`));
	if (ended.n === 0) return null;
	const [answered] = await db.select({ id: surveyResponse.id }).from(surveyResponse).where(and(eq(surveyResponse.eventId, reg.eventId), eq(surveyResponse.registrationId, reg.id)));
	return { registrationId: reg.id, eventId: reg.eventId, questions, answered: !!answered };
}

/** Form fields → answers: a scale answer is 1–5, a text at most 2,000 characters; all optional. */
export function parseSurveyAnswers(form: Record<string, string>, questions: { id: string; kind: SurveyKind }[]) {
	const answers: Record<string, number | string> = {};
	const errors: Record<string, string> = {};
	for (const q of questions) {
		const raw = (form[`s_${q.id}`] ?? '').trim();
		if (!raw) continue;
		if (q.kind === 'scale') {
			if (/^[1-5]$/.test(raw)) answers[q.id] = Number(raw);
			else errors[`s_${q.id}`] = 'invalid';
		} else if (raw.length > 2000) errors[`s_${q.id}`] = 'too_long';
		else answers[q.id] = raw;
	}
	if (!Object.keys(errors).length && !Object.keys(answers).length) errors._ = 'survey_empty';
	return { answers, errors };
}

/** Keep one registrant's answers; a second answer is refused (the unique index decides under concurrency). */
export async function answerSurvey({ db, token, answers, now = new Date() }: { db: Db; token: string; answers: Record<string, number | string>; now?: Date }) {
	const survey = await surveyFor(db, token, now);
	if (!survey) throw new DomainError('not_found', 'not_found');
	const known = new Set(survey.questions.map((q) => q.id));
	const clean = Object.fromEntries(Object.entries(answers).filter(([id]) => known.has(id)));
	const inserted = await db
		.insert(surveyResponse)
		.values({ eventId: survey.eventId, registrationId: survey.registrationId, answers: clean, submittedAt: now })
		.onConflictDoNothing({ target: [surveyResponse.eventId, surveyResponse.registrationId] })
		.returning({ id: surveyResponse.id });
	if (!inserted.length) throw new DomainError('conflict', 'survey_answered');
}

/** Results for organisers: per scale question the count of each value and the mean; texts listed. */
export async function surveyResults(ctx: Ctx, eventId: string) {
	assertCanManage(ctx, eventId);
	const [questions, responses] = await Promise.all([
		listSurveyQuestions(ctx.db, eventId),
		ctx.db.select({ answers: surveyResponse.answers }).from(surveyResponse).where(eq(surveyResponse.eventId, eventId))
	]);
	return {
		responses: responses.length,
		questions: questions.map((q) => {
			const values = responses.map((r) => r.answers[q.id]).filter((v) => v !== undefined);
			if (q.kind === 'scale') {
				const numbers = values.filter((v): v is number => typeof v === 'number');
				const counts = SCALE.map((s) => numbers.filter((n) => n === s).length);
				const mean = numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null;
				return { ...q, answers: numbers.length, counts, mean, texts: [] as string[] };
			}
			const texts = values.filter((v): v is string => typeof v === 'string');
			return { ...q, answers: texts.length, counts: [] as number[], mean: null, texts };
		})
	};
}
