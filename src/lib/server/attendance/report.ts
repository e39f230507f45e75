import { parse } from 'csv-parse/sync';
import { DomainError } from '../context.ts';

/** An attendance report larger than this is refused (a meeting's report is a few hundred kilobytes). */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 50_000;

/** The separator the header line uses most: comma, semicolon (decimal commas) or tab. */
export function detectDelimiter(content: string): string {
	const header = content.slice(0, content.search(/\r?\n|$/));
	const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
	return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Reports come from many tools: comma, semicolon or tab separated, with or without a BOM. */
export function parseReport(content: string, toLine?: number): string[][] {
	try {
		return parse(content, {
			delimiter: detectDelimiter(content),
			bom: true,
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: true,
			trim: true,
			to_line: toLine,
			max_record_size: 10_000
		}) as string[][];
	} catch {
		throw new DomainError('invalid', 'report_unreadable');
	}
}

/** The bytes of an uploaded report as text (UTF-8, or Latin-1 which some tools still write). */
export function decodeReport(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('latin1').decode(bytes);
	}
}


/** Guess which columns hold the address and the minutes from their names (Zoom, Meet, Teams, Jitsi…). */
export function guessColumns(header: string[]): { email: number; minutes: number } {
	const norm = header.map((h) => h.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
	const email = norm.findIndex((h) => /e-?mail|correo/.test(h));
	const minutes = norm.findIndex((h) => /minut|duration|duracion|duracao|tiempo|tempo/.test(h));
	return { email, minutes };
}

/** "45", "45.5", "45,5" or "1:05:00" (h:mm:ss) → minutes; null when it is none of these. */
export function parseMinutes(value: string): number | null {
	const v = value.trim();
	if (/^\d{1,6}([.,]\d+)?$/.test(v)) return Math.round(Number(v.replace(',', '.')));
	const hms = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(v);
	if (hms) return Number(hms[1]) * 60 + Number(hms[2]) + (hms[3] ? Math.round(Number(hms[3]) / 60) : 0);
	return null;
}
