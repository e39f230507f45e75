import { describe, expect, it } from 'vitest';
import { practicesFeed, type OpenPractice } from './open-data.ts';

const practice = (over: Partial<OpenPractice>): OpenPractice => ({
	id: '00000000-0000-4000-8000-000000000001', slug: 'plan', url: 'https://intercambio.example/practices/plan', title: 'Plan', summary: 'Resumen',
	language: 'es', places: 'Rafaela', countries: ['AR'], population: null, sizeBand: null, axes: ['gobierno'], articulation: 'municipal',
	startYear: 2020, endYear: null, ongoing: true, sdgs: [], tags: [], licence: 'CC-BY-4.0', illustrativeDemo: false, version: 1,
	publishedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', ...over
});

describe('the Atom feed', () => {
	it('sends titles and summaries as text, so a reader shows a submitter’s markup as written', () => {
		const xml = practicesFeed([practice({ title: '<img src=x onerror=alert(1)> ]]> & <b>Plan</b>', summary: '<script>alert(1)</script>\n<title type="html">' })], {
			origin: 'https://intercambio.example', title: 'Prácticas', description: 'Repositorio', feedUrl: 'https://intercambio.example/practices/feed.atom'
		});
		expect(xml).not.toMatch(/type="html"><!\[CDATA\[/);
		expect(xml).toContain('<title type="text"><![CDATA[<img src=x onerror=alert(1)> ]]]]><![CDATA[> & <b>Plan</b>]]></title>');
		// Text inside the summary is left as written, even when it looks like a tag.
		expect(xml).toContain('<summary type="text"><![CDATA[<script>alert(1)</script>\n<title type="html">]]></summary>');
	});
});
