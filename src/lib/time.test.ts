import { describe, expect, it } from 'vitest';
import { formatSessionRange, utcToZonedWallTime, zonedWallTimeToUtc, zoneOffsetMinutes } from './time.ts';

describe('time zones', () => {
	it('reads 10:00 in Montevideo as 13:00 UTC', () => {
		expect(zonedWallTimeToUtc('2021-07-15', '10:00', 'America/Montevideo')?.toISOString()).toBe('2021-07-15T13:00:00.000Z');
		expect(zoneOffsetMinutes('America/Montevideo', new Date('2021-07-15T13:00:00Z'))).toBe(-180);
	});

	it('follows daylight saving on both sides of the change', () => {
		expect(zonedWallTimeToUtc('2021-03-27', '10:00', 'Europe/Madrid')?.toISOString()).toBe('2021-03-27T09:00:00.000Z');
		expect(zonedWallTimeToUtc('2021-03-28', '10:00', 'Europe/Madrid')?.toISOString()).toBe('2021-03-28T08:00:00.000Z');
		expect(zonedWallTimeToUtc('2021-03-28', '02:30', 'Europe/Madrid')).toBeNull();
		expect(zonedWallTimeToUtc('2021-02-30', '10:00', 'Europe/Madrid')).toBeNull();
		expect(utcToZonedWallTime(new Date('2021-03-28T08:00:00Z'), 'Europe/Madrid')).toEqual({ date: '2021-03-28', time: '10:00' });
	});

	it('shows a session in the reader language and zone', () => {
		const start = new Date('2021-07-15T13:00:00Z');
		const end = new Date('2021-07-15T15:00:00Z');
		const es = formatSessionRange(start, end, 'America/Montevideo', 'es');
		expect(es).toContain('15 de julio de 2021');
		expect(es).toMatch(/10:00\s*–\s*12:00 GMT-3$/);
		expect(es).toContain('GMT-3');
		expect(formatSessionRange(start, end, 'Europe/Lisbon', 'pt')).toMatch(/14:00\s*–\s*16:00/);
	});
});
