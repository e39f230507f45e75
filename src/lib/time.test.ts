import { describe, expect, it } from 'vitest';
import { describeZone, formatOffset, formatSessionRange, listedZone, utcToZonedWallTime, zoneCity, zonedWallTimeToUtc, zoneFromAcceptLanguage, zoneGroups, zoneOffsetMinutes } from './time.ts';

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

describe('the time-zone picker', () => {
	const july2021 = new Date('2021-07-15T13:00:00Z');
	const january2021 = new Date('2021-01-15T13:00:00Z');

	it('gives the offset of the sessions\' date, not today\'s', () => {
		expect(formatOffset('America/Sao_Paulo', july2021)).toBe('-03:00');
		expect(formatOffset('Europe/Lisbon', july2021)).toBe('+01:00');
		expect(formatOffset('Europe/Lisbon', january2021)).toBe('+00:00');
		expect(formatOffset('Asia/Kathmandu', july2021)).toBe('+05:45');
		const pt = zoneGroups('pt', july2021);
		const find = (zone: string) => pt.flatMap((g) => g.zones).find((z) => z.zone === zone);
		expect(find('America/Sao_Paulo')).toMatchObject({ offset: '-03:00', label: 'São Paulo (UTC-03:00)' });
		expect(find('Europe/Lisbon')).toMatchObject({ offset: '+01:00', label: 'Lisboa (UTC+01:00)' });
	});

	it('offers every zone Intl knows, once, grouped by country in the reader\'s language', () => {
		const es = zoneGroups('es', july2021);
		const listed = es.flatMap((g) => g.zones.map((z) => z.zone));
		expect(new Set(listed).size).toBe(listed.length);
		expect(listed.length).toBe(new Set(Intl.supportedValuesOf('timeZone').map(listedZone)).size);
		const brazil = es.find((g) => g.region === 'BR')!;
		expect(brazil.country).toBe('Brasil');
		expect(brazil.zones.map((z) => z.city)).toContain('São Paulo');
		expect(brazil.zones.map((z) => z.zone)).toContain('America/Manaus');
		expect(es.find((g) => g.region === 'UY')).toMatchObject({ country: 'Uruguay', zones: [{ zone: 'America/Montevideo', city: 'Montevideo' }] });
		// Argentina is listed under the zone names the network uses.
		expect(es.find((g) => g.region === 'AR')!.zones[0].zone).toBe('America/Argentina/Buenos_Aires');
		// Countries in alphabetical order for the reader: "España" after "Ecuador", before "Estados Unidos".
		const countries = es.map((g) => g.country);
		expect(countries.indexOf('Ecuador')).toBeLessThan(countries.indexOf('España'));
		expect(countries.indexOf('España')).toBeLessThan(countries.indexOf('Estados Unidos'));
		expect(zoneGroups('en', july2021).find((g) => g.region === 'BR')!.country).toBe('Brazil');
	});

	it('names cities with their accents and in the reader\'s language where Intl has them', () => {
		expect(zoneCity('America/Sao_Paulo', 'pt')).toBe('São Paulo');
		expect(zoneCity('America/Sao_Paulo', 'es')).toBe('São Paulo');
		expect(zoneCity('America/Mexico_City', 'pt')).toBe('Cidade do México');
		expect(zoneCity('America/Asuncion', 'es')).toBe('Asunción');
		expect(zoneCity('America/Manaus', 'pt')).toBe('Manaus');
		expect(zoneCity('Atlantic/Canary', 'es')).toBe('Canarias');
		expect(describeZone('America/Sao_Paulo', july2021, 'pt')).toBe('São Paulo (GMT-3)');
	});

	it('guesses the default zone from the Accept-Language region', () => {
		expect(zoneFromAcceptLanguage('pt-BR,pt;q=0.9,en;q=0.8')).toBe('America/Sao_Paulo');
		expect(zoneFromAcceptLanguage('es-AR,es;q=0.9')).toBe('America/Argentina/Buenos_Aires');
		expect(zoneFromAcceptLanguage('es-UY')).toBe('America/Montevideo');
		expect(zoneFromAcceptLanguage('pt-PT')).toBe('Europe/Lisbon');
		expect(zoneFromAcceptLanguage('es-ES')).toBe('Europe/Madrid');
		expect(zoneFromAcceptLanguage('en;q=0.9, es-CL;q=0.8')).toBe('America/Santiago');
		expect(zoneFromAcceptLanguage('es, pt')).toBeNull();
		expect(zoneFromAcceptLanguage('')).toBeNull();
		expect(zoneFromAcceptLanguage('not a tag!!')).toBeNull();
	});
});
