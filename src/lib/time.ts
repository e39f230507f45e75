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
	const city = zone.split('/').pop()!.replaceAll('_', ' ');
	return `${city} (${offset})`;
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
