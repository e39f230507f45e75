import * as v from 'valibot';
import { oneLine, type FieldErrors } from '../validation.ts';
import { formValue as one, formValues as many, type FormFields as Form } from '../http/forms.ts';
import { LOCALES, type Locale } from '../../i18n/localized.ts';
import { isValidTimeZone } from '../../time.ts';
import { findCity } from '../practices/index.ts';
import { isCountryCode } from '../countries.ts';
import { emailSchema } from '../email.ts';
import { INSTITUTION_TYPES } from './schema.ts';
import type { RegistrationDetails, RegistrationInput } from './register.ts';

const uuid = v.pipe(v.string(), v.uuid());
/** A session id posted in a form (not a path, so no param matcher has checked it). */
export const isSessionId = (s: unknown): s is string => v.is(uuid, s);
const text = (max: number, min = 0) => v.pipe(v.string(), v.trim(), v.minLength(min, 'required'), v.maxLength(max, 'too_long'));

const detailsSchema = v.object({
	name: oneLine(200, 2),
	country: v.pipe(v.string(), v.trim(), v.toUpperCase(), v.check(isCountryCode, 'required')),
	city: oneLine(200),
	institution: oneLine(300),
	institutionType: v.picklist(INSTITUTION_TYPES, 'required'),
	role: oneLine(200),
	timeZone: v.pipe(v.string(), v.trim(), v.check(isValidTimeZone, 'time_zone')),
	locale: v.picklist(LOCALES, 'invalid')
});

/** The city as typed; when it names a gazetteer city of the chosen country, that place's id too. */
function cityOf(city: string, country: string): number | null {
	return city ? (findCity(city, country)?.geonamesId ?? null) : null;
}

export function parseDetails(f: Form): { value?: RegistrationDetails; errors: FieldErrors } {
	const parsed = v.safeParse(detailsSchema, {
		name: one(f, 'name'),
		country: one(f, 'country'),
		city: one(f, 'city'),
		institution: one(f, 'institution'),
		institutionType: one(f, 'institutionType'),
		role: one(f, 'role'),
		timeZone: one(f, 'timeZone'),
		locale: one(f, 'locale')
	});
	const errors: FieldErrors = {};
	if (!parsed.success) {
		for (const issue of parsed.issues) {
			const field = issue.path?.map((p) => String(p.key)).join('.') || '_';
			errors[field] ??= issue.message.includes(' ') ? 'invalid' : issue.message;
		}
		return { errors };
	}
	const value = parsed.output;
	return { value: { ...value, locale: value.locale as Locale, geonamesId: cityOf(value.city, value.country) }, errors };
}

export interface QuestionForParsing {
	id: string;
	kind: 'text' | 'select' | 'checkbox';
	required: boolean;
	optionCount: number;
}

/** Answers to the event's own questions: text (≤ 1000 characters), one option, or a ticked box. */
export function parseAnswers(f: Form, questions: QuestionForParsing[]): { answers: Record<string, string | string[]>; errors: FieldErrors } {
	const answers: Record<string, string> = {};
	const errors: FieldErrors = {};
	for (const q of questions) {
		const field = `q_${q.id}`;
		const raw = one(f, field);
		if (q.kind === 'checkbox') {
			if (raw === 'on') answers[q.id] = 'yes';
			else if (q.required) errors[field] = 'required';
			continue;
		}
		if (q.kind === 'select') {
			const index = Number(raw);
			if (raw !== '' && Number.isInteger(index) && index >= 0 && index < q.optionCount) answers[q.id] = String(index);
			else if (raw !== '') errors[field] = 'invalid';
			else if (q.required) errors[field] = 'required';
			continue;
		}
		if (raw.length > 1000) errors[field] = 'too_long';
		else if (raw) answers[q.id] = raw;
		else if (q.required) errors[field] = 'required';
	}
	return { answers, errors };
}

/** The whole registration form: details, address, sessions, answers and the consent box. */
export function parseRegistration(f: Form, questions: QuestionForParsing[] = []): { value?: RegistrationInput; errors: FieldErrors } {
	const details = parseDetails(f);
	const errors: FieldErrors = { ...details.errors };
	const email = v.safeParse(emailSchema, one(f, 'email'));
	if (!email.success) errors.email = email.issues[0].message.includes(' ') ? 'email' : email.issues[0].message;
	const sessionIds = many(f, 'sessions');
	if (sessionIds.length === 0 || sessionIds.length > 50 || !sessionIds.every(isSessionId)) errors.sessions = 'choose_session';
	if (one(f, 'consent') !== 'on') errors.consent = 'consent';
	const answers = parseAnswers(f, questions);
	Object.assign(errors, answers.errors);
	if (Object.keys(errors).length || !details.value || !email.success) return { errors };
	return { value: { ...details.value, email: email.output, sessionIds, answers: answers.answers }, errors };
}
