// A new edition copied from a past one takes over how registration worked there: the settings and
// the questions. Never the registrations, seats, attendance or messages. Called by the exchanges
// domain's copyExchange inside its transaction (which records the copy in the audit log).
import { asc, eq } from 'drizzle-orm';
import { DomainError, inTransaction, type Ctx } from '../context.ts';
import { canManageEvent, canManageNetwork } from '../auth/index.ts';
import { event } from '../events/schema.ts';
import { shiftByDays } from '../events/index.ts';
import { registrationQuestion, registrationSettings } from './schema.ts';

/**
 * Copies the registration settings (privacy text with its version back at 1, reminders, hold hours,
 * minimum attendance, certificate text and signatories; opening and closing moved by `shiftDays`
 * calendar days on the event's wall clock, or left unset when no shift is known) and the questions.
 */
export async function copyRegistrationSetup({ ctx, fromEventId, toEventId, shiftDays }: { ctx: Ctx; fromEventId: string; toEventId: string; shiftDays: number | null }) {
	return inTransaction(ctx, async (tx) => {
		// From an exchange they manage, or from a public one used as a template.
		const [source] = await tx.db.select({ status: event.status }).from(event).where(eq(event.id, fromEventId));
		if (!source || !(canManageEvent(ctx.actor, fromEventId) || source.status === 'published' || source.status === 'archived')) throw new DomainError('forbidden', 'forbidden');
		const [target] = await tx.db.select({ networkId: event.networkId, timeZone: event.timeZone }).from(event).where(eq(event.id, toEventId));
		if (!target) throw new DomainError('not_found', 'not_found');
		// The new edition is minutes old: its network's organisers' roles do not list it yet.
		if (!canManageNetwork(ctx.actor, target.networkId) && !canManageEvent(ctx.actor, toEventId)) throw new DomainError('forbidden', 'forbidden');
		const [settings] = await tx.db.select().from(registrationSettings).where(eq(registrationSettings.eventId, fromEventId));
		const shift = (at: Date | null) => (at && shiftDays !== null ? shiftByDays(at, shiftDays, target.timeZone) : null);
		if (settings) {
			await tx.db.insert(registrationSettings).values({
				eventId: toEventId,
				opensAt: shift(settings.opensAt),
				closesAt: shift(settings.closesAt),
				privacyText: settings.privacyText,
				privacyVersion: 1,
				reminderMinutes: settings.reminderMinutes,
				holdHours: settings.holdHours,
				minAttendancePercent: settings.minAttendancePercent,
				certificateText: settings.certificateText,
				signatories: settings.signatories
			});
		}
		const questions = await tx.db.select().from(registrationQuestion).where(eq(registrationQuestion.eventId, fromEventId)).orderBy(asc(registrationQuestion.position));
		if (questions.length) {
			await tx.db
				.insert(registrationQuestion)
				.values(questions.map((q) => ({ eventId: toEventId, position: q.position, kind: q.kind, label: q.label, options: q.options, required: q.required })));
		}
		return { settings: !!settings, questions: questions.length };
	});
}
