import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { oneLine, parseInput } from './validation.ts';
import { parseDetails } from './registrations/input.ts';
import { parseBasics } from './practices/submission-input.ts';
import { axisSchema, eventTextsSchema, sessionSchema } from './events/input.ts';
import { roleGrantSchema } from './auth/input.ts';

const RLO = '\u202e';
const errorOf = (schema: v.GenericSchema, value: unknown) => {
	const r = parseInput(v.object({ f: schema }), { f: value });
	return r.ok ? null : r.errors.f;
};

describe('one-line fields', () => {
	it('refuse line breaks of every kind and bidirectional controls, and keep everything else', () => {
		const name = oneLine(200, 2);
		for (const br of ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\v', '\f']) expect(errorOf(name, `Ana${br}Bcc: x@example.org`)).toBe('line_break');
		for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) expect(errorOf(name, `Ana ${c}zeréP`)).toBe('bidi_control');
		expect(parseInput(v.object({ f: name }), { f: '  María José Núñez-Ó’Brien  ' })).toEqual({ ok: true, value: { f: 'María José Núñez-Ó’Brien' } });
		// Right-to-left scripts and their marks are names like any other.
		expect(parseInput(v.object({ f: name }), { f: 'مريم\u200f العلي' }).ok).toBe(true);
		expect(errorOf(name, 'A')).toBe('required');
		expect(errorOf(name, 'x'.repeat(201))).toBe('too_long');
		// Trailing line breaks are trimmed, so a pasted name with a newline at its end still fits.
		expect(parseInput(v.object({ f: name }), { f: 'Ana\n' })).toEqual({ ok: true, value: { f: 'Ana' } });
	});

	it('are the rule of every domain’s names, titles, institutions and cities', () => {
		const details = { name: 'Ana Pérez', country: 'AR', city: 'Rafaela', institution: 'Municipalidad', institutionType: 'local_government', role: 'Directora', timeZone: 'America/Argentina/Buenos_Aires', locale: 'es' };
		expect(parseDetails(details).errors).toEqual({});
		expect(parseDetails({ ...details, name: `Ana\r\nBcc: all@example.org` }).errors).toMatchObject({ name: 'line_break' });
		expect(parseDetails({ ...details, name: `${RLO}zeréP anA` }).errors).toMatchObject({ name: 'bidi_control' });
		expect(parseDetails({ ...details, institution: 'Muni\ncipalidad', city: `Ra${RLO}faela`, role: 'a\rb' }).errors).toMatchObject({ institution: 'line_break', city: 'bidi_control', role: 'line_break' });

		const basics = parseBasics({ title: `Presupuesto\r\nparticipativo`, summary: 'Un resumen suficientemente largo.', language: 'es', articulation: 'municipal', contactName: `${RLO}anA`, contactEmail: 'a@example.org' });
		expect(basics.errors).toMatchObject({ title: 'line_break', contactName: 'bidi_control' });

		const texts = { locale: 'es', title: `Encuentro${RLO}`, summary: 's', background: 'b', objective: 'o', format: 'f' };
		expect(parseInput(eventTextsSchema, texts)).toMatchObject({ ok: false, errors: { title: 'bidi_control' } });
		expect(parseInput(eventTextsSchema, { ...texts, title: 'Encuentro\nB' })).toMatchObject({ ok: false, errors: { title: 'line_break' } });
		expect(parseInput(eventTextsSchema, { ...texts, title: 'Encuentro', summary: 'Línea uno\nLínea dos' }).ok).toBe(true);
		expect(parseInput(axisSchema, { locale: 'es', name: 'Eje\n1', description: 'd', moderator: `M${RLO}` })).toMatchObject({ ok: false, errors: { name: 'line_break', moderator: 'bidi_control' } });
		expect(parseInput(sessionSchema, { locale: 'es', title: 'Sesión\r\n1', date: '2026-01-01', startTime: '10:00', endTime: '11:00', joinUrl: '', recordingUrl: '' })).toMatchObject({ ok: false, errors: { title: 'line_break' } });
		expect(parseInput(roleGrantSchema, { email: 'a@example.org', name: 'Ana\nB', role: 'organiser', eventId: '' })).toMatchObject({ ok: false, errors: { name: 'line_break' } });
	});
});
