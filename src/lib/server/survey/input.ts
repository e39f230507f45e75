import type { SurveyKind } from './schema.ts';

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
