// The survey domain's public surface: the questions organisers ask after the exchange, the
// answers registrants give behind their private link, and the results.
export { addSurveyQuestion, labelSurveyQuestion, removeSurveyQuestion, answerSurvey, detachSurveyResponses } from './commands.ts';
export { surveyFor, surveyResults } from './queries.ts';
export { copySurveyQuestions } from './copy.ts';
export { parseSurveyAnswers } from './input.ts';
export { canAnswerSurvey } from './rules.ts';
export { SURVEY_KINDS, type SurveyKind } from './schema.ts';
