// What the copy form suggests and warns about, and who may copy: pure functions of their inputs.
import { addDays, canCopyEvent, daysBetween } from '../events/index.ts';
import { slugify } from '../validation.ts';

/** Someone who manages the source exchange and the network the copy goes to (an administrator always). */
export const canCopyExchange = canCopyEvent;

const YEAR_AT_END = /(19|20)\d{2}(\s*)$/;

/** The weekday (0 Sunday … 6 Saturday) of a calendar date YYYY-MM-DD. */
export function weekdayOf(date: string): number {
	return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The chosen date keeps the first session's weekday (otherwise the form warns: every session changes weekday). */
export const keepsWeekday = (originalFirstDate: string, chosenDate: string) => weekdayOf(originalFirstDate) === weekdayOf(chosenDate);

/**
 * The first session's date the copy form proposes: the same weekday, as close as possible to the
 * same day of the month, in the first later year where that date is still to come.
 */
export function suggestedFirstDate(originalFirstDate: string, today: string): string {
	const [year, rest] = [Number(originalFirstDate.slice(0, 4)), originalFirstDate.slice(4)];
	for (let y = year + 1; y < year + 200; y++) {
		// Feb 29 in a common year: the 28th.
		const sameDay = daysBetween('2000-01-01', `${y}${rest}`) === null ? `${y}-02-28` : `${y}${rest}`;
		let diff = (weekdayOf(originalFirstDate) - weekdayOf(sameDay) + 7) % 7;
		if (diff > 3) diff -= 7;
		const candidate = addDays(sameDay, diff);
		if (candidate > today) return candidate;
	}
	return today;
}

/** A title ending in a year ends in the new year; any other title stays as it was. */
export function suggestedCopyTitle(title: string, year: number): string {
	return YEAR_AT_END.test(title) ? title.replace(YEAR_AT_END, `${year}$2`) : title;
}

/** The old address with its final year replaced, or one made from the title (the year added when it has none). */
export function suggestedCopySlug(oldSlug: string, title: string, year: number): string {
	if (/-(19|20)\d{2}$/.test(oldSlug)) return oldSlug.replace(/(19|20)\d{2}$/, String(year));
	const fromTitle = slugify(title, 'intercambio');
	return /(19|20)\d{2}$/.test(fromTitle) ? fromTitle : slugify(`${fromTitle} ${year}`.slice(0, 200), 'intercambio');
}

/** An address left empty is made from the title (as the form's hint says). */
export function withAddressFromTitle<T extends Record<string, string>>(values: T): T {
	return (values.slug ?? '').trim() === '' ? { ...values, slug: slugify(values.title ?? '', '') } : values;
}
