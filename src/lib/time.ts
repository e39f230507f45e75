// Time-zone arithmetic and display through Intl only (shared by server and browser).

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(zone: string, date: Date) {
	let f = partsFormatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		partsFormatters.set(zone, f);
	}
	const out: Record<string, number> = {};
	for (const p of f.formatToParts(date)) if (p.type !== 'literal') out[p.type] = Number(p.value);
	return out as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Minutes east of UTC that `zone` is at `date` (Montevideo: -180). */
export function zoneOffsetMinutes(zone: string, date: Date): number {
	const p = partsIn(zone, date);
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

const validZones = new Set<string>();

export function isValidTimeZone(zone: string): boolean {
	if (!zone || zone.length > 64) return false;
	if (validZones.has(zone)) return true;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		validZones.add(zone);
		return true;
	} catch {
		return false;
	}
}

// Building an Intl.DateTimeFormat costs far more than using one: keep them (a few per zone and language).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions & { timeZone: string }): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let f = formatters.get(key);
	if (!f) {
		if (formatters.size > 5000) formatters.clear();
		f = new Intl.DateTimeFormat(locale, options);
		formatters.set(key, f);
	}
	return f;
}

/**
 * The instant at which the wall clock in `zone` shows `date` (YYYY-MM-DD) `time` (HH:MM).
 * Returns null for a wall time that does not exist (skipped by a daylight-saving jump).
 */
export function zonedWallTimeToUtc(date: string, time: string, zone: string): Date | null {
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const t = /^(\d{2}):(\d{2})$/.exec(time);
	if (!d || !t) return null;
	const [y, mo, da, h, mi] = [+d[1], +d[2], +d[3], +t[1], +t[2]];
	if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59) return null;
	const wall = Date.UTC(y, mo - 1, da, h, mi);
	if (new Date(wall).getUTCDate() !== da) return null;
	// Two passes settle the offset on either side of a transition.
	let guess = wall - zoneOffsetMinutes(zone, new Date(wall)) * 60000;
	guess = wall - zoneOffsetMinutes(zone, new Date(guess)) * 60000;
	const back = partsIn(zone, new Date(guess));
	if (back.year !== y || back.month !== mo || back.day !== da || back.hour !== h || back.minute !== mi) return null;
	return new Date(guess);
}

/** The wall date and time of an instant in a zone, for filling form fields. */
export function utcToZonedWallTime(instant: Date, zone: string): { date: string; time: string } {
	const p = partsIn(zone, instant);
	const pad = (n: number) => String(n).padStart(2, '0');
	return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** "jueves, 15 de julio de 2021, 10:00–12:00 GMT-3" in the reader's language and the given zone. */
export function formatSessionRange(start: Date, end: Date, zone: string, locale: string): string {
	const range = formatter(locale, {
		timeZone: zone,
		weekday: 'long',
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatRange(start, end);
	// formatRange drops the zone name, and a time without its zone misleads: add the offset back.
	return `${range} ${offsetName(zone, start, locale)}`;
}

function offsetName(zone: string, at: Date, locale: string): string {
	return (
		formatter(locale, { timeZone: zone, timeZoneName: 'shortOffset' })
			.formatToParts(at)
			.find((p) => p.type === 'timeZoneName')?.value ?? ''
	);
}

export function formatDateTime(instant: Date, zone: string, locale: string): string {
	return formatter(locale, {
		timeZone: zone,
		dateStyle: 'medium',
		timeStyle: 'short',
		hourCycle: 'h23'
	}).format(instant);
}

/** A zone's name for people: "Montevideo (GMT-3)". */
export function describeZone(zone: string, at: Date, locale: string): string {
	const offset = offsetName(zone, at, locale);
	return `${zoneCity(listedZone(zone), locale)} (${offset})`;
}

/** Zones of the network's countries first (Mercosur and neighbours), then the Iberian ones. */
export const NETWORK_ZONES = [
	'America/Montevideo',
	'America/Argentina/Buenos_Aires',
	'America/Sao_Paulo',
	'America/Manaus',
	'America/Asuncion',
	'America/La_Paz',
	'America/Santiago',
	'America/Lima',
	'America/Bogota',
	'America/Guayaquil',
	'America/Caracas',
	'America/Mexico_City',
	'Europe/Madrid',
	'Europe/Lisbon'
];

export function allTimeZones(): string[] {
	const supported = Intl.supportedValuesOf('timeZone');
	const rest = supported.filter((z) => !NETWORK_ZONES.includes(z));
	return [...NETWORK_ZONES, ...rest];
}

/** A calendar date ("25 de noviembre de 2026") in a zone and language. */
export function formatDate(instant: Date, zone: string, locale: string): string {
	return formatter(locale, { dateStyle: 'long', timeZone: zone }).format(instant);
}

// ——— The time-zone picker: every IANA zone, by country, with a city name people recognise ———

/** ICU still lists a few zones under their old names; people and the network use the new ones. */
const RENAMED_ZONES: Record<string, string> = {
	'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
	'America/Catamarca': 'America/Argentina/Catamarca',
	'America/Cordoba': 'America/Argentina/Cordoba',
	'America/Jujuy': 'America/Argentina/Jujuy',
	'America/Mendoza': 'America/Argentina/Mendoza',
	'America/Indianapolis': 'America/Indiana/Indianapolis',
	'America/Louisville': 'America/Kentucky/Louisville',
	'America/Godthab': 'America/Nuuk',
	'Asia/Calcutta': 'Asia/Kolkata',
	'Asia/Katmandu': 'Asia/Kathmandu',
	'Asia/Rangoon': 'Asia/Yangon',
	'Asia/Saigon': 'Asia/Ho_Chi_Minh',
	'Atlantic/Faeroe': 'Atlantic/Faroe',
	'Europe/Kiev': 'Europe/Kyiv',
	'Pacific/Enderbury': 'Pacific/Kanton',
	'Pacific/Ponape': 'Pacific/Pohnpei',
	'Pacific/Truk': 'Pacific/Chuuk'
};

/** The name a zone is listed under (the current IANA name where ICU keeps an old one). */
export function listedZone(zone: string): string {
	return RENAMED_ZONES[zone] ?? zone;
}

/** The zone a country's people most often mean, where the country has several. */
const MAIN_ZONE_OF_REGION: Record<string, string> = {
	AR: 'America/Argentina/Buenos_Aires',
	AU: 'Australia/Sydney',
	BR: 'America/Sao_Paulo',
	CA: 'America/Toronto',
	CD: 'Africa/Kinshasa',
	CL: 'America/Santiago',
	CN: 'Asia/Shanghai',
	EC: 'America/Guayaquil',
	ES: 'Europe/Madrid',
	ID: 'Asia/Jakarta',
	KZ: 'Asia/Almaty',
	MX: 'America/Mexico_City',
	MN: 'Asia/Ulaanbaatar',
	NZ: 'Pacific/Auckland',
	PT: 'Europe/Lisbon',
	RU: 'Europe/Moscow',
	UA: 'Europe/Kyiv',
	US: 'America/New_York'
};

let zoneRegionCache: Map<string, string> | null = null;

/** Listed zone → ISO 3166 region, from Intl's own data (Intl.Locale's time zones of every region). */
function zoneRegions(): Map<string, string> {
	if (zoneRegionCache) return zoneRegionCache;
	const map = new Map<string, string>();
	const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
	for (const a of letters)
		for (const b of letters) {
			const locale = new Intl.Locale(`und-${a}${b}`) as Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };
			const zones = locale.getTimeZones?.() ?? locale.timeZones;
			for (const z of zones ?? []) map.set(listedZone(z), a + b);
		}
	zoneRegionCache = map;
	return map;
}

/** Every zone Intl knows, under its current name. */
export function listedZones(): string[] {
	return [...new Set(Intl.supportedValuesOf('timeZone').map(listedZone))];
}

/** "-03:00", "+01:00", "+05:45": the offset from UTC that `zone` has at `at`. */
export function formatOffset(zone: string, at: Date): string {
	const minutes = zoneOffsetMinutes(zone, at);
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const regionNames = new Map<string, Intl.DisplayNames>();
function countryName(region: string, locale: string): string {
	let names = regionNames.get(locale);
	if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region' })));
	return names.of(region) ?? region;
}

function genericName(zone: string, locale: string): string {
	return (
		formatter(locale, { timeZone: zone, timeZoneName: 'shortGeneric' })
			.formatToParts(new Date(0))
			.find((p) => p.type === 'timeZoneName')?.value ?? ''
	);
}

/** Where CLDR names a zone by its city ("hora de {city}"), the city in that language. */
function cityFromIntl(zone: string, region: string | undefined, locale: string): string | null {
	// The pattern around a name, learnt from a one-zone country: "hora de Japón" → "hora de ", "".
	const sample = genericName('Asia/Tokyo', locale);
	const japan = countryName('JP', locale);
	const at = sample.indexOf(japan);
	if (at < 0) return null;
	const before = sample.slice(0, at);
	const after = sample.slice(at + japan.length);
	const name = genericName(zone, locale);
	if (!name.startsWith(before) || !name.endsWith(after) || name.length <= before.length + after.length) return null;
	const inner = name.slice(before.length, name.length - after.length);
	// One-zone countries are named by the country: the city then comes from the zone id.
	if (region && inner === countryName(region, locale)) return null;
	return inner;
}

const cityCache = new Map<string, string>();

/**
 * Places Intl names only by their country (its main zone) or by an abbreviation: their names in our
 * languages, so the picker says "Asunción" and "Lisboa", not the ASCII of the zone id.
 */
const CAPITAL_NAMES: Record<string, { es: string; pt: string; en: string }> = {
	'America/Asuncion': { es: 'Asunción', pt: 'Assunção', en: 'Asunción' },
	'America/Bogota': { es: 'Bogotá', pt: 'Bogotá', en: 'Bogotá' },
	'America/Havana': { es: 'La Habana', pt: 'Havana', en: 'Havana' },
	'Atlantic/Canary': { es: 'Canarias', pt: 'Canárias', en: 'Canary Islands' },
	'Europe/Amsterdam': { es: 'Ámsterdam', pt: 'Amsterdã', en: 'Amsterdam' },
	'Europe/Athens': { es: 'Atenas', pt: 'Atenas', en: 'Athens' },
	'Europe/Berlin': { es: 'Berlín', pt: 'Berlim', en: 'Berlin' },
	'Europe/Brussels': { es: 'Bruselas', pt: 'Bruxelas', en: 'Brussels' },
	'Europe/Copenhagen': { es: 'Copenhague', pt: 'Copenhague', en: 'Copenhagen' },
	'Europe/Lisbon': { es: 'Lisboa', pt: 'Lisboa', en: 'Lisbon' },
	'Europe/London': { es: 'Londres', pt: 'Londres', en: 'London' },
	'Europe/Paris': { es: 'París', pt: 'Paris', en: 'Paris' },
	'Europe/Prague': { es: 'Praga', pt: 'Praga', en: 'Prague' },
	'Europe/Rome': { es: 'Roma', pt: 'Roma', en: 'Rome' },
	'Europe/Stockholm': { es: 'Estocolmo', pt: 'Estocolmo', en: 'Stockholm' },
	'Europe/Vienna': { es: 'Viena', pt: 'Viena', en: 'Vienna' },
	'Europe/Warsaw': { es: 'Varsovia', pt: 'Varsóvia', en: 'Warsaw' }
};

/** A zone's city for people: localised where Intl names it ("São Paulo", "Ciudad de México"), else from its id. */
export function zoneCity(zone: string, locale: string): string {
	const key = `${locale}|${zone}`;
	const cached = cityCache.get(key);
	if (cached) return cached;
	const region = zoneRegions().get(zone);
	const capital = CAPITAL_NAMES[zone];
	if (capital) {
		const name = capital[(locale.slice(0, 2) as 'es' | 'pt' | 'en')] ?? capital.en;
		cityCache.set(key, name);
		return name;
	}
	// The reader's language first; then languages whose CLDR data keep the city's own spelling.
	let city: string | null = null;
	// English CLDR keeps the cities' own spellings ("Manaus", "Belém"), where Spanish would say "Manaos".
	for (const l of [locale, 'en', 'es', 'pt']) {
		city = cityFromIntl(zone, region, l);
		if (city) break;
	}
	city ??= zone.split('/').pop()!.replaceAll('_', ' ');
	cityCache.set(key, city);
	return city;
}

export interface ZoneChoice {
	zone: string;
	city: string;
	/** "-03:00" on the date the picker was asked for. */
	offset: string;
	/** "São Paulo (UTC-03:00)". */
	label: string;
}

export interface ZoneGroup {
	/** ISO 3166 region, or null for zones of no country (UTC, Etc/…). */
	region: string | null;
	country: string | null;
	zones: ZoneChoice[];
}

/**
 * Every zone grouped by country (countries in the reader's alphabetical order, zones by city),
 * each with the offset it has at `at` — the sessions' date, not today's.
 */
export function zoneGroups(locale: string, at: Date): ZoneGroup[] {
	const regions = zoneRegions();
	const byRegion = new Map<string | null, ZoneChoice[]>();
	for (const zone of listedZones()) {
		const region = regions.get(zone) ?? null;
		const city = zoneCity(zone, locale);
		const offset = formatOffset(zone, at);
		const list = byRegion.get(region) ?? [];
		list.push({ zone, city, offset, label: `${city} (UTC${offset})` });
		byRegion.set(region, list);
	}
	const collator = new Intl.Collator(locale);
	const groups = [...byRegion].map(([region, zones]) => ({
		region,
		country: region ? countryName(region, locale) : null,
		zones: zones.sort((a, b) => collator.compare(a.city, b.city))
	}));
	return groups.sort((a, b) => (a.country === null ? 1 : b.country === null ? -1 : collator.compare(a.country, b.country)));
}

/** The zone a visitor most likely lives in, from the regions in their Accept-Language (pt-BR → São Paulo). */
export function zoneFromAcceptLanguage(header: string | null | undefined): string | null {
	if (!header) return null;
	const ranked = header
		.split(',')
		.map((part, i) => {
			const [tag, ...params] = part.trim().split(';');
			const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
			return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
		})
		.filter((r) => r.tag && r.tag !== '*' && r.q > 0)
		.sort((a, b) => b.q - a.q || a.i - b.i);
	for (const { tag } of ranked) {
		let region: string | undefined;
		try {
			region = new Intl.Locale(tag).region;
		} catch {
			continue;
		}
		if (!region || !/^[A-Z]{2}$/.test(region)) continue;
		if (MAIN_ZONE_OF_REGION[region]) return MAIN_ZONE_OF_REGION[region];
		const zones = [...zoneRegions()].filter(([, r]) => r === region).map(([z]) => z);
		if (zones.length) return zones[0];
	}
	return null;
}
