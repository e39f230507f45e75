import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { assertCanManageEvent } from '../auth/index.ts';
import { hashToken, TOKEN_SHAPE } from '../private-links/index.ts';
import { eventSession } from '../events/schema.ts';
import { registration, registrationSession } from '../registrations/schema.ts';
import { surveyQuestion, surveyResponse } from './schema.ts';
import { SCALE, surveyOpenTo } from './rules.ts';

export async function listSurveyQuestions(ctx: Pick<Ctx, 'db'>, eventId: string) {
	return ctx.db.select().from(surveyQuestion).where(eq(surveyQuestion.eventId, eventId)).orderBy(asc(surveyQuestion.position));
}

/**
 * The survey as a registrant sees it behind their private link (see rules.ts surveyOpenTo),
 * with whether they answered already; null when it is not open to them.
 */
export async function surveyFor(ctx: Pick<Ctx, 'db'>, { token, now = new Date() }: { token: string; now?: Date }) {
	if (!TOKEN_SHAPE.test(token)) return null;
	const [reg] = await ctx.db.select({ id: registration.id, eventId: registration.eventId, status: registration.status }).from(registration).where(eq(registration.tokenHash, hashToken(token)));
	if (!reg || reg.status !== 'confirmed') return null;
	const questions = await listSurveyQuestions(ctx, reg.eventId);
	if (questions.length === 0) return null;
	const [ended] = await ctx.db
		.select({ n: sql<number>`count(*)::int` })
		.from(registrationSession)
		.innerJoin(eventSession, eq(eventSession.id, registrationSession.sessionId))
		.where(and(eq(registrationSession.registrationId, reg.id), eq(registrationSession.state, 'seat'), sql`${eventSession.endsAt} <= ${now.toISOString()}::timestamptz`));
	if (!surveyOpenTo(reg, questions.length, ended.n)) return null;
	const [answered] = await ctx.db.select({ id: surveyResponse.id }).from(surveyResponse).where(and(eq(surveyResponse.eventId, reg.eventId), eq(surveyResponse.registrationId, reg.id)));
	return { registrationId: reg.id, eventId: reg.eventId, questions, answered: !!answered };
}

/** Results for organisers: per scale question the count of each value and the mean; texts listed. */
export async function surveyResults(ctx: Ctx, eventId: string) {
	assertCanManageEvent(ctx, eventId);
	const [questions, responses] = await Promise.all([
		listSurveyQuestions(ctx, eventId),
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
