import { describe, expect, it } from 'vitest';
import { calendarEvents } from '#lib/testing/calendar.ts';
import { sessionsCalendar } from './ics.ts';

describe('session calendar files', () => {
	it('are valid iCalendar with the event zone, a stable UID and the right instant', () => {
		const text = sessionsCalendar({
			name: 'Intercambio',
			timeZone: 'America/Montevideo',
			host: 'intercambio.example.org',
			sessions: [
				{
					id: 'abc',
					startsAt: new Date('2021-07-15T13:00:00Z'),
					endsAt: new Date('2021-07-15T15:00:00Z'),
					summary: 'Primera sesión',
					description: 'Detalles',
					url: 'https://intercambio.example.org/events/x',
					sequence: 0
				}
			]
		});
		expect(text).toContain('BEGIN:VTIMEZONE');
		expect(text).toContain('DTSTART;TZID=America/Montevideo:20210715T100000');
		const events = calendarEvents(text);
		expect(events).toHaveLength(1);
		expect(events[0].uid).toBe('session-abc@intercambio.example.org');
		expect(new Date(events[0].start).toISOString()).toBe('2021-07-15T13:00:00.000Z');
		expect(new Date(events[0].end!).toISOString()).toBe('2021-07-15T15:00:00.000Z');
		expect(events[0].summary).toBe('Primera sesión');
	});

	it('write DTSTAMP in UTC with the Z and the SEQUENCE given', () => {
		const text = sessionsCalendar({
			name: 'Intercambio',
			timeZone: 'America/Montevideo',
			host: 'intercambio.example.org',
			stamp: new Date('2021-07-01T12:34:56.789Z'),
			sessions: [
				{ id: 'abc', startsAt: new Date('2021-07-15T13:00:00Z'), endsAt: new Date('2021-07-15T15:00:00Z'), summary: 'S', description: 'D', url: 'https://x.example.org', sequence: 3 }
			]
		});
		expect(text).toMatch(/^DTSTAMP:20210701T123456Z\r?$/m);
		expect(text).not.toMatch(/^DTSTAMP;/m);
		expect(text).toMatch(/^SEQUENCE:3\r?$/m);
		expect(text).toContain('UID:session-abc@intercambio.example.org');
	});
});
