// Private-use characters: they never occur in practice texts and survive HTML escaping,
// so a page can escape a snippet first and then turn them into <mark>.
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';
