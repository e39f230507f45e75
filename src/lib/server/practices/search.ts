import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Ctx } from '../context.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../search-marks.ts';
import { otherLanguageQuery } from './bilingual.ts';

export { HIGHLIGHT_END, HIGHLIGHT_START };

export const SORTS = ['relevance', 'newest', 'title'] as const;
export type Sort = (typeof SORTS)[number];

/** What a visitor asked for: words, facet values (several per facet), order and page. */
export interface SearchParams {
	q: string;
	axes: string[];
	countries: string[];
	bands: string[];
	articulations: string[];
	sdgs: number[];
	years: number[];
	languages: string[];
	events: string[];
	sort: Sort;
	page: number;
	perPage: number;
}

export const FACETS = ['axes', 'countries', 'bands', 'articulations', 'sdgs', 'years', 'languages', 'events'] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchHit {
	id: string;
	slug: string;
	title: string;
	language: 'es' | 'pt';
	/** The summary with the searched words wrapped in «mark» sentinels (see HIGHLIGHT_*). */
	snippet: string;
	placeNames: string;
	countries: string[];
	sizeBand: string | null;
	population: number | null;
	axes: string[];
	articulation: string;
	startYear: number | null;
	ongoing: boolean;
	demo: boolean;
	publishedAt: Date | null;
	updatedAt: Date;
	summary: string;
	endYear: number | null;
	sdgs: number[];
	tags: string[];
	licence: string;
	version: number;
	eventId: string | null;
}

export interface SearchResult {
	total: number;
	hits: SearchHit[];
	/** Per facet, each value with the number of practices it would show given the other filters. */
	facets: Record<Facet, { value: string; count: number }[]>;
	/** When the words found nothing and misspellings were corrected: the words actually searched. */
	correctedQuery: string | null;
}


const EMPTY_FACETS = (): SearchResult['facets'] => ({
	axes: [],
	countries: [],
	bands: [],
	articulations: [],
	sdgs: [],
	years: [],
	languages: [],
	events: []
});

/**
 * Both languages' stemmers, and the words' counterparts in the other language: a search for
 * "participación" finds "participação" too.
 */
const tsQuery = (q: string) => {
	const translated = otherLanguageQuery(q);
	const both = sql`(websearch_to_tsquery('intercambio_es', ${q}) || websearch_to_tsquery('intercambio_pt', ${q}))`;
	return translated
		? sql`(${both} || websearch_to_tsquery('intercambio_es', ${translated}) || websearch_to_tsquery('intercambio_pt', ${translated}))`
		: both;
};

const facetCondition: Record<Facet, (values: string[]) => SQL> = {
	axes: (v) => sql`s.axes && ${textArray(v)}`,
	countries: (v) => sql`s.countries && ${textArray(v)}`,
	bands: (v) => sql`s.size_band = any(${textArray(v)})`,
	articulations: (v) => sql`s.articulation = any(${textArray(v)})`,
	sdgs: (v) => sql`s.sdgs && ${intArray(v)}`,
	years: (v) => sql`s.start_year = any(${intArray(v)})`,
	languages: (v) => sql`s.language = any(${textArray(v)})`,
	events: (v) => sql`s.event_id = any(${uuidArray(v)})`
};

function textArray(values: string[]): SQL {
	return sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
}
function intArray(values: string[]): SQL {
	return sql`array[${sql.join(values.map((v) => sql`${Number(v)}`), sql`, `)}]::int[]`;
}
function uuidArray(values: string[]): SQL {
	return sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::uuid[]`;
}

const EMPTY_CHOICE: Record<Facet, string[]> = { axes: [], countries: [], bands: [], articulations: [], sdgs: [], years: [], languages: [], events: [] };

function selected(params: SearchParams): Record<Facet, string[]> {
	return {
		axes: params.axes,
		countries: params.countries,
		bands: params.bands,
		articulations: params.articulations,
		sdgs: params.sdgs.map(String),
		years: params.years.map(String),
		languages: params.languages,
		events: params.events
	};
}

/**
 * Published practices (the rows of practice_search, alias s) matching the words and every facet
 * except `except`.
 */
function whereClause(q: string, chosen: Record<Facet, string[]>, except?: Facet): SQL {
	const parts: SQL[] = [sql`true`];
	if (q) parts.push(sql`practice_words(s.search_vector) @@ ${tsQuery(q)}`);
	for (const facet of FACETS) {
		if (facet === except || chosen[facet].length === 0) continue;
		parts.push(facetCondition[facet](chosen[facet]));
	}
	return sql.join(parts, sql` and `);
}

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
	const result = await db.execute(query);
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Replace each word the repository does not know by its nearest known word (trigram
 * similarity); null when nothing could be corrected.
 */
async function correctSpelling(db: Db, q: string): Promise<string | null> {
	const words = q.split(/\s+/).filter(Boolean);
	let changed = false;
	const corrected: string[] = [];
	for (const word of words) {
		const plain = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9-]/g, '');
		// Short words, the OR operator and excluded words (-word) are left as typed.
		if (plain.length < 4 || plain === 'or' || word.startsWith('-')) {
			corrected.push(word);
			continue;
		}
		const [known] = await rows<{ word: string }>(db, sql`select word from search_word where word = ${plain}`);
		if (known) {
			corrected.push(word);
			continue;
		}
		const [near] = await rows<{ word: string }>(
			db,
			sql`select word from search_word where word % ${plain} order by similarity(word, ${plain}) desc, word limit 1`
		);
		if (near) {
			corrected.push(near.word);
			changed = true;
		} else corrected.push(word);
	}
	return changed ? corrected.join(' ') : null;
}

async function run(db: Db, q: string, params: SearchParams): Promise<Omit<SearchResult, 'correctedQuery'>> {
	const chosen = selected(params);
	const where = whereClause(q, chosen);
	// Ordering keys are computed once per matching row in an inner query, so the window and the
	// sort carry three narrow columns, not the rows' vectors.
	// The ranking vector and the title sit in practice_rank, read row by row through its key for
	// the matches only (a join would let the planner scan the whole table).
	const rank =
		q && params.sort === 'relevance'
			? sql`(select ts_rank_cd(r.rank_vector, ${tsQuery(q)}, 32) from practice_rank r where r.practice_id = s.practice_id)`
			: sql`0`;
	const titleKey = params.sort === 'title' ? sql`(select r.title from practice_rank r where r.practice_id = s.practice_id)` : sql`''`;
	const order =
		params.sort === 'title'
			? sql`m.title collate "C" asc, m.id`
			: params.sort === 'newest' || !q
				? sql`m.published_at desc nulls last, m.id`
				: sql`m.rank desc, m.published_at desc nulls last, m.id`;
	const snippet = q
		? sql`ts_headline(case p.language when 'pt' then 'intercambio_pt'::regconfig else 'intercambio_es'::regconfig end,
				p.summary, ${tsQuery(q)},
				${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "`})`
		: sql`p.summary`;
	const offset = (params.page - 1) * params.perPage;
	// The page of ids first (ranking every match), then the columns and the highlighted
	// snippet for those few rows only: headlines are costly.
	const pageIds = sql`
		select m.id, count(*) over () as total, row_number() over (order by ${order}) as position
		from (
			select s.practice_id as id, ${rank} as rank, s.published_at, ${titleKey} as title
			from practice_search s
			where ${where}
		) m
		order by ${order}
		limit ${params.perPage} offset ${offset}`;
	const hitsQuery = sql`
		select p.id, p.slug, p.title, p.language, ${snippet} as snippet, p.place_names as "placeNames",
			p.countries, p.size_band as "sizeBand", p.population, p.axes, p.articulation,
			p.start_year as "startYear", p.ongoing, p.demo, p.published_at as "publishedAt",
			p.updated_at as "updatedAt", p.summary, p.end_year as "endYear", p.sdgs, p.tags, p.licence, p.version,
			p.event_id as "eventId", page.total
		from (${pageIds}) page
		join practice p on p.id = page.id
		order by page.position`;

	// Facet counts: each facet counts under every filter but its own, so a visitor sees how many
	// practices each other value would add. One scan of the practices matching the words keeps
	// only the narrow facet columns and, per facet, whether its filter holds; every facet's
	// counts are then grouped from that small set in memory.
	const active = FACETS.filter((f) => chosen[f].length > 0);
	const flag = (facet: Facet) => sql.raw(`f_${facet}`);
	// Facets without a filter of their own count the rows meeting every filter (the small set
	// `hit`); a filtered facet counts the rows meeting every other filter.
	const source = (facet: Facet) => {
		if (!active.includes(facet)) return sql`hit m`;
		const others = active.filter((f) => f !== facet);
		return others.length ? sql`near m where ${sql.join(others.map((f) => sql`m.${flag(f)}`), sql` and `)}` : sql`near m`;
	};
	const narrowValue: Record<Facet, SQL> = {
		axes: sql`unnest(m.axes)`,
		countries: sql`unnest(m.countries)`,
		bands: sql`m.size_band`,
		articulations: sql`m.articulation`,
		sdgs: sql`unnest(m.sdgs)::text`,
		years: sql`m.start_year::text`,
		languages: sql`m.language`,
		events: sql`m.event_id::text`
	};
	const flags = active.map((f) => sql`, (${facetCondition[f](chosen[f])}) as ${flag(f)}`);
	// A row counts for some facet only if it meets every active filter but at most one, written
	// as an OR of ANDs so the planner can combine the facet indexes.
	const condition = (f: Facet) => sql`(${facetCondition[f](chosen[f])})`;
	const atMostOneFails =
		active.length < 2
			? sql``
			: sql`and (${sql.join(
					active.map((skip) => sql`(${sql.join(active.filter((f) => f !== skip).map(condition), sql` and `)})`),
					sql` or `
				)})`;
	const allHold = active.length ? sql.join(active.map((f) => sql`near.${flag(f)}`), sql` and `) : sql`true`;
	const facetQuery = sql`
		with near as materialized (
			select s.axes, s.countries, s.size_band, s.articulation, s.sdgs, s.start_year, s.language, s.event_id ${sql.join(flags, sql``)}
			from practice_search s
			where ${whereClause(q, EMPTY_CHOICE)} ${atMostOneFails}
		),
		hit as materialized (select * from near where ${allHold})
		${sql.join(
			FACETS.map(
				(facet) => sql`
					select ${facet}::text as facet, v as value, count(*)::int as count
					from (select ${narrowValue[facet]} as v from ${source(facet)}) f
					where v is not null
					group by v`
			),
			sql` union all `
		)}`;
	// Two independent queries: on PostgreSQL they run at once on two connections.
	const [hits, facetRows] = await Promise.all([
		rows<SearchHit & { total: string | number }>(db, hitsQuery),
		rows<{ facet: Facet; value: string; count: number }>(db, facetQuery)
	]);
	let total = hits.length ? Number(hits[0].total) : 0;
	if (!hits.length && offset > 0) {
		const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from practice_search s where ${where}`);
		total = count.n;
	}
	const facets = EMPTY_FACETS();
	for (const r of facetRows) facets[r.facet].push({ value: r.value, count: Number(r.count) });
	for (const facet of FACETS) facets[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

	return {
		total,
		hits: hits.map(({ total: _t, ...hit }) => ({
			...hit,
			publishedAt: hit.publishedAt ? new Date(hit.publishedAt) : null,
			updatedAt: new Date(hit.updatedAt)
		})),
		facets
	};
}

/** Search the published repository: words (both languages, accents ignored, typos forgiven) and facets. */
export async function searchPractices(ctx: Pick<Ctx, 'db'>, params: SearchParams): Promise<SearchResult> {
	const { db } = ctx;
	const q = params.q.trim();
	const first = await run(db, q, params);
	if (first.total > 0 || !q) return { ...first, correctedQuery: null };
	const corrected = await correctSpelling(db, q);
	if (!corrected) return { ...first, correctedQuery: null };
	const second = await run(db, corrected, params);
	return second.total > 0 ? { ...second, correctedQuery: corrected } : { ...first, correctedQuery: null };
}
