import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { registrationSession } from './schema.ts';

/**
 * Attendance is kept on the registrant's place in a session (a registrations table); the
 * attendance domain decides who is present and calls these inside its own transaction, with
 * its own audit row.
 */

/** A registrant's place in a session is marked checked in. */
export async function markCheckedIn({ ctx, registrationId, sessionId, at }: { ctx: Ctx; registrationId: string; sessionId: string; at: Date }) {
	await ctx.db
		.update(registrationSession)
		.set({ checkedInAt: at })
		.where(and(eq(registrationSession.registrationId, registrationId), eq(registrationSession.sessionId, sessionId)));
}

/** The minutes an attendance report gave each registrant of a session. */
export async function recordAttendedMinutes({ ctx, sessionId, minutes }: { ctx: Ctx; sessionId: string; minutes: Map<string, number> }) {
	for (const [registrationId, n] of minutes) {
		await ctx.db
			.update(registrationSession)
			.set({ attendedMinutes: n })
			.where(and(eq(registrationSession.registrationId, registrationId), eq(registrationSession.sessionId, sessionId)));
	}
}
