import { describe, expect, it } from 'vitest';
import { calendarEvents } from '#lib/testing/calendar.ts';
import type { PublicEventListItem, PublicNetwork } from './listing.ts';
import { networkCalendar, networkEventsFeed, openEvent, openNetwork } from './open-data.ts';

const ORIGIN = 'https://intercambio.example.org';

const exchange = (over: Partial<PublicEventListItem> = {}): PublicEventListItem => ({
	id: '00000000-0000-4000-8000-000000000001',
	slug: 'planificacion-2030',
	title: { es: 'Planificación <b>estratégica</b>', pt: 'Planejamento estratégico', en: ' ' },
	summary: { es: 'Ciudades que planifican juntas.' },
	timeZone: 'America/Montevideo',
	languages: ['pt', 'es'],
	status: 'published',
	concludedAt: null,
	isDemo: false,
	updatedAt: new Date('2030-01-02T00:00:00.000Z'),
	publishedAt: new Date('2030-01-01T00:00:00.000Z'),
	unitId: '00000000-0000-4000-8000-0000000000aa',
	unit: { es: 'Planificación', pt: 'Planejamento' },
	unitSlug: 'planificacion',
	networkId: '00000000-0000-4000-8000-0000000000bb',
	networkSlug: 'mercociudades',
	networkName: 'Mercociudades',
	networkShortName: 'MC',
	upcoming: true,
	firstStart: new Date('2030-07-15T13:00:00.000Z'),
	lastEnd: new Date('2030-07-15T15:00:00.000Z'),
	sessions: [
		{
			id: '00000000-0000-4000-8000-000000000011',
			position: 1,
			title: { es: 'Primera sesión', pt: 'Primeira sessão' },
			startsAt: new Date('2030-07-15T13:00:00.000Z'),
			endsAt: new Date('2030-07-15T15:00:00.000Z'),
			sequence: 2
		}
	],
	...over
});

const aNetwork = (over: Partial<PublicNetwork> = {}): PublicNetwork => ({
	id: '00000000-0000-4000-8000-0000000000bb',
	slug: 'mercociudades',
	name: 'Mercociudades',
	shortName: 'MC',
	description: { es: 'Red de ciudades', pt: '', en: 'A network of cities' },
	websiteUrl: 'https://mercociudades.org',
	hasLogo: true,
	isDemo: true,
	updatedAt: new Date('2030-01-01T00:00:00.000Z'),
	units: [{ id: '00000000-0000-4000-8000-0000000000aa', slug: 'planificacion', name: { es: 'Planificación', pt: 'Planejamento' }, description: {} }],
	...over
});

describe('the open data of exchanges and networks', () => {
	it('publishes an exchange with its texts per language (empty ones left out), its phase and ISO instants', () => {
		expect(openEvent(exchange(), 'registration_open', ORIGIN)).toEqual({
			id: '00000000-0000-4000-8000-000000000001',
			slug: 'planificacion-2030',
			url: 'https://intercambio.example.org/events/planificacion-2030',
			network: 'mercociudades',
			unit: { slug: 'planificacion', name: { es: 'Planificación', pt: 'Planejamento' } },
			title: { es: 'Planificación <b>estratégica</b>', pt: 'Planejamento estratégico' },
			summary: { es: 'Ciudades que planifican juntas.' },
			timeZone: 'America/Montevideo',
			languages: ['es', 'pt'],
			phase: 'registration_open',
			illustrativeDemo: false,
			sessions: [
				{
					id: '00000000-0000-4000-8000-000000000011',
					title: { es: 'Primera sesión', pt: 'Primeira sessão' },
					startsAt: '2030-07-15T13:00:00.000Z',
					endsAt: '2030-07-15T15:00:00.000Z'
				}
			],
			publishedAt: '2030-01-01T00:00:00.000Z',
			updatedAt: '2030-01-02T00:00:00.000Z'
		});
		expect(openEvent(exchange({ unit: null, unitSlug: null, publishedAt: null }), 'archived', ORIGIN)).toMatchObject({ unit: null, publishedAt: null, phase: 'archived' });
	});

	it('publishes a network with its units, and a logo address only when it has a logo', () => {
		expect(openNetwork(aNetwork(), ORIGIN)).toEqual({
			id: '00000000-0000-4000-8000-0000000000bb',
			slug: 'mercociudades',
			url: 'https://intercambio.example.org/networks/mercociudades',
			name: 'Mercociudades',
			shortName: 'MC',
			description: { es: 'Red de ciudades', en: 'A network of cities' },
			websiteUrl: 'https://mercociudades.org',
			logoUrl: 'https://intercambio.example.org/networks/mercociudades/logo',
			units: [{ slug: 'planificacion', name: { es: 'Planificación', pt: 'Planejamento' } }],
			illustrativeDemo: true
		});
		expect(openNetwork(aNetwork({ hasLogo: false, websiteUrl: null }), ORIGIN)).toMatchObject({ logoUrl: null, websiteUrl: null });
	});

	it('writes a network’s Atom feed in the reader’s language, titles and summaries as plain text, with the dates in the exchange’s zone', () => {
		const xml = networkEventsFeed([exchange()], {
			network: { slug: 'mercociudades', name: 'Mercociudades', updatedAt: new Date('2029-01-01T00:00:00.000Z') },
			origin: ORIGIN,
			locale: 'pt',
			title: 'Mercociudades · próximos intercâmbios',
			description: 'Os próximos intercâmbios',
			feedUrl: `${ORIGIN}/pt/networks/mercociudades/events.atom`
		});
		expect(xml).not.toContain('type="html"');
		expect(xml).toContain('<title type="text"><![CDATA[Planejamento estratégico]]></title>');
		expect(xml).toContain('<id>https://intercambio.example.org/events/planificacion-2030</id>');
		expect(xml).toContain('<link href="https://intercambio.example.org/pt/events/planificacion-2030"/>');
		expect(xml).toMatch(/<summary type="text"><!\[CDATA\[Ciudades que planifican juntas\.\n\nPrimeira sessão: segunda-feira, 15 de julho de 2030,? 10:00\s*–\s*12:00 GMT-3\]\]><\/summary>/);
		expect(xml).toContain('<updated>2030-01-02T00:00:00.000Z</updated>');
		expect(xml).toContain('<link rel="self" href="https://intercambio.example.org/pt/networks/mercociudades/events.atom"/>');
		// With no exchange ahead, the feed is still valid and dated by the network.
		const empty = networkEventsFeed([], {
			network: { slug: 'mercociudades', name: 'Mercociudades', updatedAt: new Date('2029-01-01T00:00:00.000Z') },
			origin: ORIGIN,
			locale: 'es',
			title: 't',
			description: 'd',
			feedUrl: `${ORIGIN}/networks/mercociudades/events.atom`
		});
		expect(empty).toContain('<updated>2029-01-01T00:00:00.000Z</updated>');
		expect(empty).not.toContain('<entry>');
	});

	it('writes a network’s calendar with one entry per session, each in its exchange’s zone, with stable UIDs and SEQUENCE', () => {
		const madrid = exchange({
			id: '00000000-0000-4000-8000-000000000002',
			slug: 'madrid',
			timeZone: 'Europe/Madrid',
			sessions: [
				{ id: 's-a', position: 1, title: { es: 'A' }, startsAt: new Date('2030-07-20T08:00:00.000Z'), endsAt: new Date('2030-07-20T09:00:00.000Z'), sequence: 0 },
				{ id: 's-b', position: 2, title: { es: 'B' }, startsAt: new Date('2030-07-21T08:00:00.000Z'), endsAt: new Date('2030-07-21T09:00:00.000Z'), sequence: 1 }
			]
		});
		const text = networkCalendar([exchange(), madrid], { name: 'Mercociudades · intercambios', origin: ORIGIN, locale: 'es', stamp: new Date('2030-01-01T10:00:00.000Z') });
		expect(text).toContain('DTSTART;TZID=America/Montevideo:20300715T100000');
		expect(text).toContain('DTSTART;TZID=Europe/Madrid:20300720T100000');
		expect(text.match(/^BEGIN:VTIMEZONE$/gm)).toHaveLength(2);
		expect(text.match(/^DTSTAMP:.*$/gm)).toEqual(['DTSTAMP:20300101T100000Z', 'DTSTAMP:20300101T100000Z', 'DTSTAMP:20300101T100000Z']);
		expect(text).toContain('X-WR-CALNAME:Mercociudades · intercambios');
		expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT6H');
		const events = calendarEvents(text);
		expect(events.map((e) => [e.uid, e.sequence, new Date(e.start).toISOString(), e.summary])).toEqual([
			['session-00000000-0000-4000-8000-000000000011@intercambio.example.org', 2, '2030-07-15T13:00:00.000Z', 'Planificación <b>estratégica</b> — Primera sesión'],
			['session-s-a@intercambio.example.org', 0, '2030-07-20T08:00:00.000Z', 'Planificación <b>estratégica</b> — A'],
			['session-s-b@intercambio.example.org', 1, '2030-07-21T08:00:00.000Z', 'Planificación <b>estratégica</b> — B']
		]);
		expect(text).toContain('URL;VALUE=URI:https://intercambio.example.org/events/madrid');
	});
});
