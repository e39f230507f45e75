import { describe, expect, it } from 'vitest';
import { highlightedHtml } from './highlight.ts';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from './search-marks.ts';

describe('search snippets', () => {
	it('marks the found words and never lets the text inject HTML', () => {
		expect(highlightedHtml(`Un ${S}presupuesto${E} <script>alert(1)</script> & más`)).toBe(
			'Un <mark>presupuesto</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; más'
		);
	});
});
