import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { enqueueMail, existingIdempotencyKeys } from '../mail/outbox.ts';
import { event, eventSession } from '../events/schema.ts';
import { utcToZonedWallTime, zonedWallTimeToUtc } from '../../time.ts';
import { DEFAULT_REMINDER_MINUTES, registration, registrationSession, registrationSettings } from './schema.ts';
import { expireUnconfirmed } from './seats.ts';
import { registrationMail } from './mails.ts';
import { startPeriodic } from '../periodic.ts';

/**
 * When a reminder `minutes` before a session goes out. Whole days are counted on the calendar
 * of the event's zone ("the day before, at the same time"), so a daylight-saving change in
 * between does not move it by an hour; other offsets are plain elapsed time.
 */
export function reminderTime(startsAt: Date, minutes: number, zone: string): Date {
	if (minutes > 0 && minutes % 1440 === 0) {
		const wall = utcToZonedWallTime(startsAt, zone);
		const day = new Date(`${wall.date}T00:00:00Z`);
		day.setUTCDate(day.getUTCDate() - minutes / 1440);
		const at = zonedWallTimeToUtc(day.toISOString().slice(0, 10), wall.time, zone);
		if (at) return at;
	}
	return new Date(startsAt.getTime() - minutes * 60_000);
}

/** The reminder due now for a session: the latest one whose time has come, before the start. */
export function dueReminder(startsAt: Date, schedule: number[], zone: string, now: Date): number | null {
	if (now >= startsAt) return null;
	let best: { minutes: number; at: number } | null = null;
	for (const minutes of schedule) {
		const at = reminderTime(startsAt, minutes, zone).getTime();
		if (at <= now.getTime() && (!best || at > best.at)) best = { minutes, at };
	}
	return best?.minutes ?? null;
}

export const reminderKey = (registrationId: string, sessionId: string, minutes: number) => `reminder:${registrationId}:${sessionId}:${minutes}`;

/**
 * Queue the reminders that are due. Safe to run on every app instance at once and as often as
 * wanted: each reminder has one idempotency key, and the outbox keeps one mail per key.
 */
export async function queueDueReminders({ ctx, now = new Date() }: { ctx: Ctx; now?: Date }): Promise<number> {
	const sessions = await ctx.db
		.select({
			id: eventSession.id,
			startsAt: eventSession.startsAt,
			zone: event.timeZone,
			schedule: registrationSettings.reminderMinutes
		})
		.from(eventSession)
		.innerJoin(event, eq(event.id, eventSession.eventId))
		.leftJoin(registrationSettings, eq(registrationSettings.eventId, event.id))
		.where(and(eq(event.status, 'published'), gt(eventSession.startsAt, now), lte(eventSession.startsAt, new Date(now.getTime() + 15 * 86_400_000))))
		.orderBy(asc(eventSession.startsAt));
	let queued = 0;
	for (const session of sessions) {
		const minutes = dueReminder(session.startsAt, session.schedule ?? DEFAULT_REMINDER_MINUTES, session.zone, now);
		if (minutes === null) continue;
		const people = await ctx.db
			.select({ id: registration.id })
			.from(registrationSession)
			.innerJoin(registration, eq(registration.id, registrationSession.registrationId))
			.where(and(eq(registrationSession.sessionId, session.id), eq(registrationSession.state, 'seat'), eq(registration.status, 'confirmed')));
		const keys = people.map((p) => reminderKey(p.id, session.id, minutes));
		const done = await existingIdempotencyKeys(ctx.db, keys);
		for (const person of people) {
			const key = reminderKey(person.id, session.id, minutes);
			if (done.has(key)) continue;
			const message = await registrationMail(ctx, {
				registrationId: person.id,
				kind: 'reminder',
				idempotencyKey: key,
				sessionId: session.id,
				reminder: { minutes }
			});
			if (message && (await enqueueMail(ctx, message))) queued++;
		}
	}
	return queued;
}

/**
 * Every minute until stopped: expire unconfirmed registrations whose hold ran out, then queue
 * due reminders — with the ctx the runtime gives (a system job), so the audit log names it.
 */
export function startReminderScheduler(ctx: Ctx, log: { error(obj: object, msg?: string): void }, intervalMs = 60_000): { stop(): Promise<void> } {
	return startPeriodic(
		async () => {
			await expireUnconfirmed({ ctx });
			await queueDueReminders({ ctx });
		},
		log,
		'registration round',
		intervalMs,
		5_000
	);
}
