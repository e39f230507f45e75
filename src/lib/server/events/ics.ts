import ical, { ICalCalendarMethod } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { TZDate } from '@date-fns/tz';

export interface CalendarSession {
	id: string;
	startsAt: Date;
	endsAt: Date;
	summary: string;
	description: string;
	url: string;
	/** RFC 5545 SEQUENCE: the session's count of changes to its time or join link (same UID throughout). */
	sequence: number;
}

/** A UTC date-time as RFC 5545 wants DTSTAMP: YYYYMMDDTHHMMSSZ. */
export function utcStamp(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * An RFC 5545 calendar with the sessions in the event's own zone (TZID plus its VTIMEZONE),
 * so calendar apps show the right time wherever the reader lives.
 */
export function sessionsCalendar(params: {
	name: string;
	timeZone: string;
	host: string;
	sessions: CalendarSession[];
	/** When the file is written (DTSTAMP); now by default. */
	stamp?: Date;
}): string {
	const calendar = ical({
		name: params.name,
		prodId: { company: 'Intercambio', product: 'intercambio', language: 'ES' },
		method: ICalCalendarMethod.PUBLISH,
		timezone: { name: params.timeZone, generator: getVtimezoneComponent }
	});
	for (const s of params.sessions) {
		calendar.createEvent({
			// A stable UID: re-downloading updates the same calendar entry instead of duplicating it.
			id: `session-${s.id}@${params.host}`,
			// TZDate gives ical-generator the wall time in the event's zone for DTSTART;TZID=…
			start: new TZDate(s.startsAt.getTime(), params.timeZone),
			end: new TZDate(s.endsAt.getTime(), params.timeZone),
			timezone: params.timeZone,
			summary: s.summary,
			description: s.description,
			url: s.url,
			sequence: s.sequence
		});
	}
	// ical-generator writes DTSTAMP in the calendar's zone without the Z (a floating time);
	// RFC 5545 §3.8.7.2 requires UTC there.
	const stamp = utcStamp(params.stamp ?? new Date());
	return calendar.toString().replace(/^DTSTAMP[;:].*$/gm, `DTSTAMP:${stamp}`);
}
