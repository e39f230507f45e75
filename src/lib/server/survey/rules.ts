export const MAX_SURVEY_QUESTIONS = 10;
export const SCALE = [1, 2, 3, 4, 5] as const;

/**
 * The survey is open to a confirmed registrant once a session they had a seat in is over, when
 * the event asks questions at all.
 */
export const surveyOpenTo = (r: { status: string }, questions: number, endedSeatSessions: number) => r.status === 'confirmed' && questions > 0 && endedSeatSessions > 0;

/** Answered once, never twice. */
export const canAnswerSurvey = (survey: { answered: boolean } | null) => survey !== null && !survey.answered;

/** Organisers add questions up to a limit. */
export const canAddSurveyQuestion = (existing: number) => existing < MAX_SURVEY_QUESTIONS;
