import ical, { type CalendarComponent, type VEvent } from 'node-ical';

/** The VEVENTs of an .ics text, parsed back by an independent library (lines fold, so never grep). */
export function calendarEvents(text: string): VEvent[] {
	return Object.values(ical.sync.parseICS(text)).filter(
		(c): c is VEvent => (c as CalendarComponent | undefined)?.type === 'VEVENT'
	);
}
