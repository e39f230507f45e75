import * as v from 'valibot';
import { oneLine, optionalHttpsUrl, slugField } from '../validation.ts';
import { LOCALES } from '../../i18n/localized.ts';

const longText = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, 'too_long'));

/** A network as an administrator writes it: its proper name, short name, address, web site and description per language. */
export const networkSchema = v.object({
	slug: slugField,
	name: oneLine(200, 1),
	shortName: v.optional(oneLine(60), ''),
	websiteUrl: v.optional(optionalHttpsUrl, ''),
	descriptionEs: v.optional(longText(4000), ''),
	descriptionPt: v.optional(longText(4000), ''),
	descriptionEn: v.optional(longText(4000), '')
});
export type NetworkInput = v.InferOutput<typeof networkSchema>;

/** A unit (thematic unit, working group) with its name per language; Spanish required. */
export const unitSchema = v.object({
	slug: v.optional(v.union([v.literal(''), slugField], 'slug'), ''),
	nameEs: oneLine(200, 1),
	namePt: v.optional(oneLine(200), ''),
	nameEn: v.optional(oneLine(200), ''),
	descriptionEs: v.optional(longText(2000), ''),
	descriptionPt: v.optional(longText(2000), ''),
	descriptionEn: v.optional(longText(2000), '')
});
export type UnitInput = v.InferOutput<typeof unitSchema>;

const locale = v.picklist(LOCALES, 'invalid');

/**
 * A network as its editor saves it: the address, names and web site, and the description in the
 * language being edited (the language switch, as in the exchange editor).
 */
export const networkEditSchema = v.object({
	locale,
	slug: slugField,
	name: oneLine(200, 1),
	shortName: v.optional(oneLine(60), ''),
	websiteUrl: v.optional(optionalHttpsUrl, ''),
	description: v.optional(longText(4000), '')
});
export type NetworkEditInput = v.InferOutput<typeof networkEditSchema>;

/** One unit's name and description in the language being edited (the Spanish name cannot be emptied). */
export const unitEditSchema = v.object({
	locale,
	name: oneLine(200),
	description: v.optional(longText(2000), '')
});
export type UnitEditInput = v.InferOutput<typeof unitEditSchema>;

export const UNIT_MOVES = ['up', 'down'] as const;
export type UnitMove = (typeof UNIT_MOVES)[number];
