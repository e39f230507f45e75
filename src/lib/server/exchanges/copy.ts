// Copying a past exchange into a new edition: one transaction in which each domain copies what it
// owns — the events domain the exchange, its axes and sessions (moved to the new dates); the
// registrations domain its settings and questions; the survey domain its questions — and one
// audit entry says what was copied from where. Registrations, attendance, certificates, survey
// answers, practices, mails and roles stay with the old edition.
import * as v from 'valibot';
import { DomainError, inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { copyEventStructure } from '../events/index.ts';
import { copyRegistrationSetup } from '../registrations/index.ts';
import { copySurveyQuestions } from '../survey/index.ts';
import { oneLine, slugField } from '../validation.ts';
import { canCopyExchange } from './rules.ts';
import { eventForCopy } from '../events/index.ts';

const calendarDate = v.pipe(
	v.string('required'),
	v.trim(),
	v.check((s) => s === '' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)), 'date')
);

/** The copy form: where the new edition goes, its address and Spanish title, and its first session's date. */
export const copyExchangeSchema = v.object({
	networkId: v.pipe(v.string('required'), v.uuid('required'), v.toLowerCase()),
	unitId: v.pipe(
		v.optional(v.union([v.literal(''), v.pipe(v.string(), v.uuid())], 'invalid'), ''),
		v.transform((value) => (value === '' ? null : value.toLowerCase()))
	),
	slug: slugField,
	title: oneLine(200, 1),
	firstSessionDate: v.pipe(
		v.optional(calendarDate, ''),
		v.transform((s) => (s === '' ? null : s))
	)
});
export type CopyExchangeInput = v.InferOutput<typeof copyExchangeSchema>;

export async function copyExchange({ ctx, fromEventId, input }: { ctx: Ctx; fromEventId: string; input: CopyExchangeInput }): Promise<{ id: string; slug: string }> {
	const source = await eventForCopy(ctx, fromEventId);
	if (!source) throw new DomainError('not_found', 'not_found');
	if (!canCopyExchange(ctx.actor, source, input.networkId)) throw new DomainError('forbidden', 'forbidden');
	return inTransaction(ctx, async (tx) => {
		const copied = await copyEventStructure({ ctx: tx, fromEventId, input });
		const registration = await copyRegistrationSetup({ ctx: tx, fromEventId, toEventId: copied.id, shiftDays: copied.days });
		const survey = await copySurveyQuestions({ ctx: tx, fromEventId, toEventId: copied.id });
		await recordAudit(tx, {
			action: 'event.copied',
			entity: 'event',
			entityId: copied.id,
			details: {
				from: fromEventId,
				to: copied.id,
				fromTitle: copied.fromTitle,
				slug: copied.slug,
				title: input.title,
				networkId: input.networkId,
				days: copied.days,
				axes: copied.axes,
				sessions: copied.sessions,
				registrationSettings: registration.settings,
				registrationQuestions: registration.questions,
				surveyQuestions: survey.questions
			}
		});
		return { id: copied.id, slug: copied.slug };
	});
}
