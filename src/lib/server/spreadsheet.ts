/**
 * A cell for spreadsheets: lists joined with "; ", and text a spreadsheet would read as a
 * formula (=, +, -, @, tab or carriage return first) prefixed with an apostrophe.
 */
export function spreadsheetCell(value: unknown): string {
	const text = Array.isArray(value) ? value.join('; ') : value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
