import { and, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { oneLine } from '../validation.ts';
import type { Ctx } from '../context.ts';
import { DomainError, inTransaction } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { assertCanManageEvent } from '../auth/index.ts';
import { event } from '../events/schema.ts';
import { zonedWallTimeToUtc } from '../../time.ts';
import { LOCALES, type Locale, type LocalizedText } from '../../i18n/localized.ts';
import { QUESTION_KINDS, registrationQuestion, registrationSettings } from './schema.ts';

/** Organisers set when registration opens and closes, the privacy text and the reminders. */
const optionalDateTime = v.pipe(v.string(), v.trim(), v.check((s) => s === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s), 'date'));
export const registrationSettingsSchema = v.object({
	locale: v.picklist(LOCALES, 'invalid'),
	opensAt: optionalDateTime,
	closesAt: optionalDateTime,
	privacyText: v.pipe(v.string(), v.trim(), v.maxLength(20_000, 'too_long')),
	holdHours: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^\d{0,4}$/, 'hold_hours')), ''),
	// "1440, 60": minutes before each session.
	reminders: v.pipe(
		v.string(),
		v.trim(),
		v.check((s) => s === '' || /^\d{1,5}(\s*,\s*\d{1,5}){0,5}$/.test(s), 'reminders')
	)
});
export type RegistrationSettingsInput = v.InferOutput<typeof registrationSettingsSchema>;

export async function updateRegistrationSettings({ ctx, eventId, input }: { ctx: Ctx; eventId: string; input: RegistrationSettingsInput }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const [ev] = await tx.db.select({ zone: event.timeZone }).from(event).where(eq(event.id, eventId));
		if (!ev) throw new DomainError('not_found', 'not_found');
		const instant = (s: string) => {
			if (!s) return null;
			const at = zonedWallTimeToUtc(s.slice(0, 10), s.slice(11, 16), ev.zone);
			if (!at) throw new DomainError('invalid', 'date');
			return at;
		};
		const opensAt = instant(input.opensAt);
		const closesAt = instant(input.closesAt);
		if (opensAt && closesAt && closesAt <= opensAt) throw new DomainError('invalid', 'end_before_start');
		const holdHours = Math.min(Number(input.holdHours || 0), 24 * 60);
		const reminderMinutes = [...new Set(input.reminders.split(',').map((s) => Number(s.trim())).filter((n) => n > 0 && n <= 30 * 1440))].sort((a, b) => b - a);
		const [before] = await tx.db.select().from(registrationSettings).where(eq(registrationSettings.eventId, eventId)).for('update');
		const privacyText: Partial<LocalizedText> = { ...(before?.privacyText ?? {}), [input.locale]: input.privacyText };
		const privacyChanged = (before?.privacyText?.[input.locale as Locale] ?? '') !== input.privacyText;
		const values = {
			opensAt,
			closesAt,
			privacyText,
			// A registrant's consent names the version they read: any change makes a new one.
			privacyVersion: (before?.privacyVersion ?? 1) + (before && privacyChanged ? 1 : 0),
			reminderMinutes,
			holdHours,
			updatedAt: sql`now()`
		};
		if (before) await tx.db.update(registrationSettings).set(values).where(eq(registrationSettings.eventId, eventId));
		else await tx.db.insert(registrationSettings).values({ eventId, ...values });
		await recordAudit(tx, {
			action: 'registration.settings_updated',
			entity: 'event',
			entityId: eventId,
			details: { opensAt: opensAt?.toISOString() ?? null, closesAt: closesAt?.toISOString() ?? null, reminderMinutes, holdHours, privacyVersion: values.privacyVersion }
		});
	});
}

export const questionSchema = v.object({
	locale: v.picklist(LOCALES, 'invalid'),
	kind: v.picklist(QUESTION_KINDS, 'invalid'),
	label: oneLine(500, 1),
	// One option per line, for select questions.
	options: v.pipe(v.string(), v.trim(), v.maxLength(5000, 'too_long')),
	required: v.boolean()
});
export type QuestionInput = v.InferOutput<typeof questionSchema>;

export async function addQuestion({ ctx, eventId, input }: { ctx: Ctx; eventId: string; input: QuestionInput }) {
	assertCanManageEvent(ctx, eventId);
	const options = input.options.split('\n').map((s) => s.trim()).filter(Boolean).slice(0, 30);
	if (input.kind === 'select' && options.length < 2) throw new DomainError('invalid', 'options');
	return inTransaction(ctx, async (tx) => {
		const [{ next }] = await tx.db
			.select({ next: sql<number>`coalesce(max(${registrationQuestion.position}), 0)::int + 1` })
			.from(registrationQuestion)
			.where(eq(registrationQuestion.eventId, eventId));
		if (next > 20) throw new DomainError('conflict', 'too_many_questions');
		const localized = (s: string): Partial<LocalizedText> => ({ [input.locale]: s });
		const [row] = await tx.db
			.insert(registrationQuestion)
			.values({ eventId, position: next, kind: input.kind, label: localized(input.label), options: input.kind === 'select' ? options.map(localized) : [], required: input.required })
			.returning({ id: registrationQuestion.id });
		await recordAudit(tx, { action: 'registration.question_added', entity: 'event', entityId: eventId, details: { questionId: row.id, kind: input.kind } });
		return row.id;
	});
}

/** Give a question's label (and options, line by line) in another language. */
export async function translateQuestion({ ctx, eventId, questionId, locale, label, options }: { ctx: Ctx; eventId: string; questionId: string; locale: Locale; label: string; options: string }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const [q] = await tx.db.select().from(registrationQuestion).where(and(eq(registrationQuestion.id, questionId), eq(registrationQuestion.eventId, eventId))).for('update');
		if (!q) throw new DomainError('not_found', 'not_found');
		const lines = options.split('\n').map((s) => s.trim());
		await tx.db
			.update(registrationQuestion)
			.set({ label: { ...q.label, [locale]: label.trim() }, options: q.options.map((o, i) => ({ ...o, [locale]: lines[i] ?? '' })) })
			.where(eq(registrationQuestion.id, questionId));
		await recordAudit(tx, { action: 'registration.question_translated', entity: 'event', entityId: eventId, details: { questionId, locale } });
	});
}

export async function removeQuestion({ ctx, eventId, questionId }: { ctx: Ctx; eventId: string; questionId: string }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const gone = await tx.db
			.delete(registrationQuestion)
			.where(and(eq(registrationQuestion.id, questionId), eq(registrationQuestion.eventId, eventId)))
			.returning({ id: registrationQuestion.id });
		if (!gone.length) throw new DomainError('not_found', 'not_found');
		await recordAudit(tx, { action: 'registration.question_removed', entity: 'event', entityId: eventId, details: { questionId } });
	});
}

export const certificateSettingsSchema = v.object({
	locale: v.picklist(LOCALES, 'invalid'),
	text: v.pipe(v.string(), v.trim(), v.maxLength(1000, 'too_long')),
	// One signatory per line: "Name — Role" (a dash or a comma separates them).
	signatories: v.pipe(v.string(), v.trim(), v.maxLength(1000, 'too_long')),
	minAttendancePercent: v.pipe(v.string(), v.trim(), v.regex(/^\d{1,3}$/, 'percent'), v.transform(Number), v.minValue(1, 'percent'), v.maxValue(100, 'percent'))
});
export type CertificateSettingsInput = v.InferOutput<typeof certificateSettingsSchema>;

export function parseSignatories(lines: string): { name: string; role: string }[] {
	return lines
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)
		.slice(0, 4)
		.map((l) => {
			const [name, ...role] = l.split(/\s+[—–-]\s+|,\s*/);
			return { name: name.trim().slice(0, 120), role: role.join(', ').trim().slice(0, 160) };
		});
}

/** The certificate's words (per language), its signatories and the attendance it asks for. */
export async function updateCertificateSettings({ ctx, eventId, input }: { ctx: Ctx; eventId: string; input: CertificateSettingsInput }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const [before] = await tx.db.select().from(registrationSettings).where(eq(registrationSettings.eventId, eventId)).for('update');
		const values = {
			certificateText: { ...(before?.certificateText ?? {}), [input.locale]: input.text },
			signatories: parseSignatories(input.signatories),
			minAttendancePercent: input.minAttendancePercent,
			updatedAt: sql`now()`
		};
		if (before) await tx.db.update(registrationSettings).set(values).where(eq(registrationSettings.eventId, eventId));
		else await tx.db.insert(registrationSettings).values({ eventId, ...values });
		await recordAudit(tx, { action: 'certificate.settings_updated', entity: 'event', entityId: eventId, details: { minAttendancePercent: input.minAttendancePercent, signatories: values.signatories.length } });
	});
}
