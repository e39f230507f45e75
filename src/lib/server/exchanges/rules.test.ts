import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, shiftByDays, shiftedSessionTimes } from '../events/index.ts';
import { keepsWeekday, suggestedCopySlug, suggestedCopyTitle, suggestedFirstDate, weekdayOf, withAddressFromTitle } from './rules.ts';
import { formatOffset, utcToZonedWallTime } from '../../time.ts';

const session = (start: string, end: string, title = 's') => ({ title, startsAt: new Date(start), endsAt: new Date(end) });
const wall = (d: Date, zone: string) => {
	const w = utcToZonedWallTime(d, zone);
	return `${w.date} ${w.time} ${formatOffset(zone, d)}`;
};

describe('where a copy’s sessions land', () => {
	it('puts the demo’s first session on the chosen date, the second a week later, both 10:00–12:00 in Montevideo', () => {
		// 2021-07-15 and 2027-07-15 are both Thursdays: 313 weeks apart.
		expect([weekdayOf('2021-07-15'), weekdayOf('2027-07-15')]).toEqual([4, 4]);
		const plan = shiftedSessionTimes(
			[session('2021-07-15T13:00:00Z', '2021-07-15T15:00:00Z', 'Primera'), session('2021-07-22T13:00:00Z', '2021-07-22T15:00:00Z', 'Segunda')],
			'America/Montevideo',
			'2027-07-15'
		)!;
		expect(plan.days).toBe(2191);
		expect(plan.sessions.map((s) => [s.title, s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
			['Primera', '2027-07-15T13:00:00.000Z', '2027-07-15T15:00:00.000Z'],
			['Segunda', '2027-07-22T13:00:00.000Z', '2027-07-22T15:00:00.000Z']
		]);
	});

	it('keeps 10:00 at 10:00 in Madrid across both daylight-saving changes (UTC+1 → +2 in the old dates, +2 → +1 in the new)', () => {
		const zone = 'Europe/Madrid';
		const plan = shiftedSessionTimes([session('2025-03-20T09:00:00Z', '2025-03-20T11:00:00Z'), session('2025-04-03T08:00:00Z', '2025-04-03T10:00:00Z')], zone, '2026-10-15')!;
		expect(plan.sessions.map((s) => `${wall(s.startsAt, zone)} – ${wall(s.endsAt, zone)}`)).toEqual([
			'2026-10-15 10:00 +02:00 – 2026-10-15 12:00 +02:00',
			'2026-10-29 10:00 +01:00 – 2026-10-29 12:00 +01:00'
		]);
		expect(plan.sessions.map((s) => s.startsAt.toISOString())).toEqual(['2026-10-15T08:00:00.000Z', '2026-10-29T09:00:00.000Z']);
	});

	it('keeps local time in Santiago (Chile changes its clocks) and in São Paulo (Brazil no longer does)', () => {
		const santiago = shiftedSessionTimes([session('2025-03-27T13:00:00Z', '2025-03-27T15:00:00Z'), session('2025-04-10T14:00:00Z', '2025-04-10T16:00:00Z')], 'America/Santiago', '2026-08-27')!;
		expect(santiago.sessions.map((s) => wall(s.startsAt, 'America/Santiago'))).toEqual(['2026-08-27 10:00 -04:00', '2026-09-10 10:00 -03:00']);
		// Brazil's last daylight-saving time began on 4 November 2018.
		const saoPaulo = shiftedSessionTimes([session('2018-10-25T13:00:00Z', '2018-10-25T15:00:00Z'), session('2018-11-08T12:00:00Z', '2018-11-08T14:00:00Z')], 'America/Sao_Paulo', '2026-10-22')!;
		expect(saoPaulo.sessions.map((s) => wall(s.startsAt, 'America/Sao_Paulo'))).toEqual(['2026-10-22 10:00 -03:00', '2026-11-05 10:00 -03:00']);
	});

	it('moves every session by the same days from the earliest, whatever order they come in, and keeps weekdays only on the same weekday', () => {
		const plan = shiftedSessionTimes([session('2021-07-22T13:00:00Z', '2021-07-22T15:00:00Z', 'b'), session('2021-07-15T13:00:00Z', '2021-07-15T15:00:00Z', 'a')], 'America/Montevideo', '2027-07-13')!;
		expect(plan.sessions.map((s) => [s.title, utcToZonedWallTime(s.startsAt, 'America/Montevideo').date])).toEqual([
			['b', '2027-07-20'],
			['a', '2027-07-13']
		]);
		expect(keepsWeekday('2021-07-15', '2027-07-13')).toBe(false);
		expect(keepsWeekday('2021-07-15', '2027-07-15')).toBe(true);
	});

	it('refuses a date that does not exist, and has nothing to move without sessions', () => {
		expect(shiftedSessionTimes([session('2021-07-15T13:00:00Z', '2021-07-15T15:00:00Z')], 'America/Montevideo', '2027-02-30')).toBeNull();
		expect(shiftedSessionTimes([], 'America/Montevideo', '')).toEqual({ days: 0, sessions: [] });
		expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
	});

	it('moves a wall time the clocks skip on the new day on by the jump, as calendars do', () => {
		// Madrid skips 02:00–03:00 on 29 March 2026: 02:30 becomes 03:30 local (01:30 UTC).
		expect(shiftByDays(new Date('2025-03-20T01:30:00Z'), 374, 'Europe/Madrid').toISOString()).toBe('2026-03-29T01:30:00.000Z');
	});
});

describe('what the copy form proposes', () => {
	it('proposes the first later year’s date on the same weekday nearest the same day', () => {
		expect(suggestedFirstDate('2021-07-15', '2026-12-01')).toBe('2027-07-15');
		expect(suggestedFirstDate('2021-07-15', '2027-07-15')).toBe('2028-07-13');
		expect(weekdayOf(suggestedFirstDate('2024-02-29', '2024-03-01'))).toBe(weekdayOf('2024-02-29'));
	});

	it('replaces a final year in the title and the address, and adds one to an address without it', () => {
		expect(suggestedCopyTitle('Intercambio de planificación 2021', 2027)).toBe('Intercambio de planificación 2027');
		expect(suggestedCopyTitle('Intercambio de buenas prácticas', 2027)).toBe('Intercambio de buenas prácticas');
		expect(suggestedCopySlug('intercambio-planificacion-2021', 'x', 2027)).toBe('intercambio-planificacion-2027');
		expect(suggestedCopySlug('intercambio', 'Encuentro de Movilidad', 2027)).toBe('encuentro-de-movilidad-2027');
		expect(withAddressFromTitle({ title: 'Movilidad Urbana 2027', slug: ' ' })).toEqual({ title: 'Movilidad Urbana 2027', slug: 'movilidad-urbana-2027' });
		expect(withAddressFromTitle({ title: 'X', slug: 'mine' })).toEqual({ title: 'X', slug: 'mine' });
	});
});
