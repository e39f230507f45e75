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
			url: s.url
		});
	}
	return calendar.toString();
}
