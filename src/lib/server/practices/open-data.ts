import { stringify } from 'csv-stringify/sync';
import { spreadsheetCell } from '../spreadsheet.ts';
import { Feed } from 'feed';
import { asPlainTextAtom } from '../http/atom.ts';
import type { Ctx } from '../context.ts';
import { listPublishedPractices } from './queries.ts';
import type { SearchHit } from './search.ts';

/** One practice as the open data publishes it: the same shape in the API and the exports. */
export interface OpenPractice {
	id: string;
	slug: string;
	url: string;
	title: string;
	summary: string;
	language: string;
	places: string;
	countries: string[];
	population: number | null;
	sizeBand: string | null;
	axes: string[];
	articulation: string;
	startYear: number | null;
	endYear: number | null;
	ongoing: boolean;
	sdgs: number[];
	tags: string[];
	licence: string;
	illustrativeDemo: boolean;
	version: number;
	publishedAt: string | null;
	updatedAt: string;
}

type Row = Pick<
	SearchHit,
	'id' | 'slug' | 'title' | 'summary' | 'language' | 'placeNames' | 'countries' | 'population' | 'sizeBand' | 'axes' | 'articulation' | 'startYear' | 'endYear' | 'ongoing' | 'sdgs' | 'tags' | 'licence' | 'demo' | 'version' | 'publishedAt' | 'updatedAt'
>;

export function openPractice(row: Row, origin: string): OpenPractice {
	return {
		id: row.id,
		slug: row.slug,
		url: new URL(`/practices/${row.slug}`, origin).toString(),
		title: row.title,
		summary: row.summary,
		language: row.language,
		places: row.placeNames,
		countries: row.countries,
		population: row.population,
		sizeBand: row.sizeBand,
		axes: row.axes,
		articulation: row.articulation,
		startYear: row.startYear,
		endYear: row.endYear,
		ongoing: row.ongoing,
		sdgs: row.sdgs,
		tags: row.tags,
		licence: row.licence,
		illustrativeDemo: row.demo,
		version: row.version,
		publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
		updatedAt: new Date(row.updatedAt).toISOString()
	};
}

/** Every published practice as open data, with addresses on the configured public origin. */
export async function allOpenPractices(ctx: Pick<Ctx, 'db' | 'origin'>): Promise<OpenPractice[]> {
	return (await listPublishedPractices(ctx)).map((r) => openPractice(r, ctx.origin));
}

const CSV_COLUMNS: (keyof OpenPractice)[] = [
	'id', 'slug', 'url', 'title', 'summary', 'language', 'places', 'countries', 'population', 'sizeBand', 'axes',
	'articulation', 'startYear', 'endYear', 'ongoing', 'sdgs', 'tags', 'licence', 'illustrativeDemo', 'version', 'publishedAt', 'updatedAt'
];

/**
 * CSV for spreadsheets: lists joined with "; ", and any cell that a spreadsheet would read
 * as a formula (=, +, -, @ first) prefixed with an apostrophe.
 */
export function practicesCsv(practices: OpenPractice[]): string {
	return stringify(practices.map((p) => CSV_COLUMNS.map((c) => spreadsheetCell(p[c]))), { header: true, columns: CSV_COLUMNS as string[], bom: true });
}

export function practicesFeed(practices: OpenPractice[], options: { origin: string; title: string; description: string; feedUrl: string }): string {
	const feed = new Feed({
		id: new URL('/practices', options.origin).toString(),
		link: new URL('/practices', options.origin).toString(),
		title: options.title,
		description: options.description,
		copyright: 'CC BY 4.0',
		updated: practices[0] ? new Date(practices[0].updatedAt) : new Date(0),
		feedLinks: { atom: options.feedUrl }
	});
	for (const p of practices) {
		feed.addItem({
			id: p.url,
			link: p.url,
			title: p.title,
			description: p.summary,
			date: new Date(p.updatedAt),
			published: p.publishedAt ? new Date(p.publishedAt) : undefined,
			category: p.axes.map((a) => ({ name: a }))
		});
	}
	return asPlainTextAtom(feed.atom1());
}
