/** Self check-in opens this long before a session starts, and closes when it ends. */
export const CHECK_IN_EARLY_MINUTES = 15;

/** Whether check-in is open for a session at this moment. */
export const checkInOpen = (s: { startsAt: Date; endsAt: Date }, now: Date) => now.getTime() >= s.startsAt.getTime() - CHECK_IN_EARLY_MINUTES * 60_000 && now < s.endsAt;

/** A confirmed registrant with a seat in the session may check in while check-in is open. */
export function canCheckIn(place: { status: string; state: string | null }, session: { startsAt: Date; endsAt: Date }, now: Date): 'ok' | 'no_seat' | 'closed' {
	if (place.status !== 'confirmed' || place.state !== 'seat') return 'no_seat';
	return checkInOpen(session, now) ? 'ok' : 'closed';
}

/** Attended: checked in, or present for at least the event's minimum share of the session. */
export function hasAttended(s: { startsAt: Date; endsAt: Date; checkedInAt: Date | null; minutes: number | null }, minPercent: number): boolean {
	const length = (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000;
	return s.checkedInAt !== null || (s.minutes ?? 0) >= (length * minPercent) / 100;
}
