/**
 * The `feed` package marks every entry's title and summary `type="html"`, so a reader would
 * render whatever markup people wrote (a submitter's practice, an organiser's exchange). They are
 * plain text: said so, the CDATA then reads literally. Only the elements' own opening tags are
 * rewritten (text inside a CDATA section is never a tag).
 */
export function asPlainTextAtom(atom: string): string {
	return atom.replace(/^(\s*)<(title|summary|content) type="html">(?=<!\[CDATA\[)/gm, '$1<$2 type="text">');
}
