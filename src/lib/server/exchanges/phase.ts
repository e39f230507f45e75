// The phase an exchange's public page shows, from its rows: its status, its sessions' dates and
// whether registration is open now (the registrations domain's window).
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { eventPhase, type EventPhase } from '../events/index.ts';
import { event, eventSession } from '../events/schema.ts';
import { registrationWindow, type RegistrationWindow } from '../registrations/index.ts';

export async function exchangePhase(ctx: Ctx, { eventId, now }: { eventId: string; now: Date }): Promise<{ phase: EventPhase; window: RegistrationWindow } | null> {
	const [row] = await ctx.db.select({ status: event.status, concludedAt: event.concludedAt }).from(event).where(eq(event.id, eventId));
	if (!row) return null;
	const [sessions, window] = await Promise.all([
		ctx.db.select({ startsAt: eventSession.startsAt, endsAt: eventSession.endsAt }).from(eventSession).where(eq(eventSession.eventId, eventId)).orderBy(asc(eventSession.startsAt)),
		registrationWindow(ctx, { eventId, now })
	]);
	return { phase: eventPhase(row, sessions, window.open, now), window };
}
