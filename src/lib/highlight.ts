import { HIGHLIGHT_END, HIGHLIGHT_START } from './search-marks.ts';

const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A search snippet as safe HTML: the text is escaped first, then the found words are marked. */
export function highlightedHtml(snippet: string): string {
	return escapeHtml(snippet).split(HIGHLIGHT_START).join('<mark>').split(HIGHLIGHT_END).join('</mark>');
}
