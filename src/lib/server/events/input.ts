import * as v from 'valibot';
import { LOCALES } from '../../i18n/localized.ts';
import { isValidTimeZone } from '../../time.ts';
import { oneLine } from '../validation.ts';
import { OFFERED_AGENDA_STATES } from './rules.ts';

// Messages are keys; the route turns them into the reader's language (form_error_<key>).
const text = (max: number) => v.pipe(v.string('required'), v.trim(), v.maxLength(max, 'too_long'));
const requiredText = (max: number) => v.pipe(text(max), v.minLength(1, 'required'));
const optionalUrl = v.pipe(
	v.string(),
	v.trim(),
	v.maxLength(2000, 'too_long'),
	v.check((s) => s === '' || /^https:\/\/[^\s]+$/i.test(s), 'https_url')
);

export const localeSchema = v.picklist(LOCALES, 'invalid');

export const eventTextsSchema = v.variant('locale', [
	v.object({
		locale: v.literal('es'),
		title: oneLine(200, 1),
		summary: requiredText(600),
		background: requiredText(8000),
		objective: requiredText(2000),
		format: requiredText(3000)
	}),
	v.object({
		// Other languages may stay empty: the page then shows the Spanish text, marked with lang="es".
		locale: v.picklist(['pt', 'en'], 'invalid'),
		title: oneLine(200),
		summary: text(600),
		background: text(8000),
		objective: text(2000),
		format: text(3000)
	})
]);
export type EventTextsInput = v.InferOutput<typeof eventTextsSchema>;

// Publishing is its own verb (exchanges domain: the checklist first). Only what the editor offers: the agenda "to be defined" (or absent: left as it is) and no call
// for presenters (a posted openToPresenters is refused). See OFFERED_AGENDA_STATES in rules.ts.
export const eventSettingsSchema = v.pipe(
	v.object({
		timeZone: v.pipe(v.string(), v.trim(), v.check(isValidTimeZone, 'time_zone')),
		/** The network's unit the exchange belongs to ('' for none); the verb checks it is of this network. */
		unitId: v.pipe(
			v.optional(v.union([v.literal(''), v.pipe(v.string(), v.uuid())], 'invalid'), ''),
			v.transform((value) => (value === '' ? null : value.toLowerCase()))
		),
		agendaState: v.optional(v.picklist(OFFERED_AGENDA_STATES, 'invalid')),
		openToPresenters: v.optional(v.never('invalid')),
		openToAttendees: v.boolean()
	}),
	v.transform(({ timeZone, unitId, agendaState, openToAttendees }) => ({ timeZone, unitId, openToAttendees, ...(agendaState ? { agendaState } : {}) }))
);
export type EventSettingsInput = v.InferOutput<typeof eventSettingsSchema>;

export const axisSchema = v.object({
	locale: localeSchema,
	name: oneLine(200),
	description: text(2000),
	conclusions: v.optional(text(8000), ''),
	moderator: v.optional(oneLine(200), '')
});
export type AxisInput = v.InferOutput<typeof axisSchema>;

const date = v.pipe(v.string('required'), v.trim(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'date'));
const time = v.pipe(v.string('required'), v.trim(), v.regex(/^\d{2}:\d{2}$/, 'time'));

export const sessionSchema = v.object({
	locale: localeSchema,
	title: oneLine(200),
	date,
	startTime: time,
	endTime: time,
	joinUrl: optionalUrl,
	recordingUrl: optionalUrl
});
export type SessionInput = v.InferOutput<typeof sessionSchema>;
