import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, DomainError, type Actor, type Ctx } from '../context.ts';
import { anOrganiser, aStranger, testCtx } from '../testing/factories.ts';
import { deleteRegistration } from '../registrations/index.ts';
import { confirmedRegistrant, demoExchangeWithSessions, registrationInput } from '../registrations/testing.ts';
import { surveyResponse } from './schema.ts';
import { addSurveyQuestion, answerSurvey, parseSurveyAnswers, removeSurveyQuestion, surveyFor, surveyResults } from './index.ts';

const organiser = anOrganiser();
const stranger = aStranger();
const BEFORE = new Date('2021-07-01T12:00:00Z');
const DURING = new Date('2021-07-15T14:00:00Z');
const AFTER = new Date('2021-07-16T12:00:00Z');

describe.each(testDatabases())('the feedback survey on $name', ({ open }) => {
	let database: Database;
	let eventId: string;
	let first: string;
	const ctx = (actor: Actor = ANONYMOUS): Ctx => testCtx(database.db, actor);
	const confirmed = (email: string) =>
		confirmedRegistrant({
			ctx: ctx(),
			eventId,
			now: BEFORE,
			input: registrationInput({ name: email, email, country: 'AR', city: '', institution: '', institutionType: 'other', sessionIds: [first], timeZone: 'America/Argentina/Buenos_Aires' })
		});

	beforeAll(async () => {
		database = await open();
		({ eventId, sessionIds: [first] } = await demoExchangeWithSessions(database.db));
	});
	afterAll(() => database?.close());

	it('opens after the session, takes one answer per registrant, and shows organisers counts and means', async () => {
		const useful = await addSurveyQuestion({ ctx: ctx(organiser), eventId, kind: 'scale', label: '¿Qué tan útil fue?', locale: 'es' });
		const idea = await addSurveyQuestion({ ctx: ctx(organiser), eventId, kind: 'text', label: '¿Qué aplicarás en tu ciudad?', locale: 'es' });
		await expect(addSurveyQuestion({ ctx: ctx(stranger), eventId, kind: 'text', label: 'x', locale: 'es' })).rejects.toThrow(DomainError);
		const a = await confirmed('a@example.org');
		const b = await confirmed('b@example.org');

		expect(await surveyFor(ctx(), { token: a, now: DURING })).toBeNull();
		expect((await surveyFor(ctx(), { token: a, now: AFTER }))?.answered).toBe(false);

		const parsed = parseSurveyAnswers({ [`s_${useful}`]: '5', [`s_${idea}`]: 'Presupuesto participativo digital' }, [{ id: useful, kind: 'scale' }, { id: idea, kind: 'text' }]);
		expect(parsed.errors).toEqual({});
		expect(parseSurveyAnswers({ [`s_${useful}`]: '9' }, [{ id: useful, kind: 'scale' }]).errors).toEqual({ [`s_${useful}`]: 'invalid' });
		expect(parseSurveyAnswers({}, [{ id: useful, kind: 'scale' }]).errors).toEqual({ _: 'survey_empty' });

		// Two answers sent at once by the same person: exactly one is kept.
		const both = await Promise.allSettled([
			answerSurvey({ ctx: ctx(), token: a, answers: parsed.answers, now: AFTER }),
			answerSurvey({ ctx: ctx(), token: a, answers: { [useful]: 1 }, now: AFTER })
		]);
		expect(both.filter((r) => r.status === 'fulfilled').length).toBe(1);
		await expect(answerSurvey({ ctx: ctx(), token: a, answers: { [useful]: 2 }, now: AFTER })).rejects.toMatchObject({ messageKey: 'survey_answered' });
		expect((await surveyFor(ctx(), { token: a, now: AFTER }))?.answered).toBe(true);
		await answerSurvey({ ctx: ctx(), token: b, answers: { [useful]: 4, unknown: 'ignored' }, now: AFTER });

		const results = await surveyResults(ctx(organiser), eventId);
		expect(results.responses).toBe(2);
		const [scale, text] = results.questions;
		expect(scale.answers).toBe(2);
		expect(scale.counts.reduce((x, y) => x + y, 0)).toBe(2);
		expect(scale.counts[3]).toBe(1); // one 4
		expect(text.texts.length).toBeLessThanOrEqual(1);
		await expect(surveyResults(ctx(stranger), eventId)).rejects.toThrow(DomainError);
		// Someone who deletes their registration leaves their answers in the results, untied.
		await deleteRegistration({ ctx: ctx(), now: BEFORE, token: b });
		const kept = await database.db.select({ registrationId: surveyResponse.registrationId }).from(surveyResponse);
		expect(kept.length).toBe(2);
		expect(kept.filter((r) => r.registrationId === null).length).toBe(1);
		await removeSurveyQuestion({ ctx: ctx(organiser), eventId, questionId: idea });
		expect((await surveyResults(ctx(organiser), eventId)).questions.length).toBe(1);
	});

	it('takes at most ten questions', async () => {
		for (let i = 0; i < 9; i++) await addSurveyQuestion({ ctx: ctx(organiser), eventId, kind: 'scale', label: `P${i}`, locale: 'es' });
		await expect(addSurveyQuestion({ ctx: ctx(organiser), eventId, kind: 'scale', label: 'Once', locale: 'es' })).rejects.toMatchObject({ messageKey: 'too_many_survey_questions' });
	});
});
