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
	/** Network slugs: practices presented at one of the network's exchanges. */
	networks: string[];
	events: string[];
	sort: Sort;
	page: number;
	perPage: number;
}

export const FACETS = ['axes', 'countries', 'bands', 'articulations', 'sdgs', 'years', 'languages', 'networks', 'events'] as const;
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
	/** When the query had more words than are searched: the words that were (see boundQuery). */
	searchedQuery: string | null;
	/**
	 * For a search of two or more plain words: how many practices contain them as a phrase
	 * (ranked first), the others containing the words apart. Null for other searches.
	 */
	phraseTotal: number | null;
	/** How many words were searched, and how many of the query's words were left out. */
	searchedWords: number;
	ignoredWords: number;
	/**
	 * Why the search gave no answer, if it did not: `too_broad` when the database gave up on it
	 * (statement timeout), `busy` when too many searches were already waiting. Routes show a
	 * message (page) or answer 422/503 (API), never a 500.
	 */
	refusal: 'too_broad' | 'busy' | null;
}

/**
 * The bounds of one search's work. PGlite runs PostgreSQL on the app's own thread and its
 * statement_timeout never fires there, so what protects the process is the work itself being
 * bounded: few words, few misspelling lookups, one search at a time yielding between queries.
 */
export interface SearchLimits {
	/** Characters of the query considered at all. */
	maxLength: number;
	/** Words searched; the rest are ignored (and the page says so). */
	maxWords: number;
	/** Unknown words looked up for a correction (one trigram lookup each); with more, none is. */
	maxCorrectedWords: number;
	/** The correction (a second search) runs only when the first took less than this. */
	correctionBudgetMs: number;
	/** PostgreSQL cancels a search query running longer than this: the search is "too broad". */
	statementTimeoutMs: number;
	/** A search waiting longer than this for its turn is answered "busy". */
	maxWaitMs: number;
	/** Searches waiting for their turn beyond which a new one is answered "busy" at once. */
	maxQueued: number;
}

export const SEARCH_LIMITS: SearchLimits = {
	maxLength: 200,
	maxWords: 8,
	maxCorrectedWords: 3,
	correctionBudgetMs: 250,
	statementTimeoutMs: 2000,
	maxWaitMs: 5000,
	maxQueued: 200
};


const EMPTY_FACETS = (): SearchResult['facets'] => ({
	axes: [],
	countries: [],
	bands: [],
	articulations: [],
	sdgs: [],
	years: [],
	languages: [],
	networks: [],
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

/**
 * The words as a phrase (both stemmers, and the other language's words), for a query of two or
 * more plain words; null when the visitor wrote operators (quotes, OR, -word) or one word.
 */
export function phraseQuery(q: string): SQL | null {
	const tokens = q.split(/\s+/).filter(Boolean);
	if (/["]/.test(q) || tokens.some((t) => t.toLowerCase() === 'or' || t.startsWith('-'))) return null;
	if ([...q.matchAll(WORD)].length < 2) return null;
	const translated = otherLanguageQuery(q);
	const both = sql`(phraseto_tsquery('intercambio_es', ${q}) || phraseto_tsquery('intercambio_pt', ${q}))`;
	return translated
		? sql`(${both} || phraseto_tsquery('intercambio_es', ${translated}) || phraseto_tsquery('intercambio_pt', ${translated}))`
		: both;
}

const facetCondition: Record<Facet, (values: string[]) => SQL> = {
	axes: (v) => sql`s.axes && ${textArray(v)}`,
	countries: (v) => sql`s.countries && ${textArray(v)}`,
	bands: (v) => sql`s.size_band = any(${textArray(v)})`,
	articulations: (v) => sql`s.articulation = any(${textArray(v)})`,
	sdgs: (v) => sql`s.sdgs && ${intArray(v)}`,
	years: (v) => sql`s.start_year = any(${intArray(v)})`,
	languages: (v) => sql`s.language = any(${textArray(v)})`,
	// A practice belongs to a network when it was presented at one of the network's exchanges.
	networks: (v) => sql`s.event_id in (select e.id from event e join network n on n.id = e.network_id where n.slug = any(${textArray(v)}))`,
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

const EMPTY_CHOICE: Record<Facet, string[]> = { axes: [], countries: [], bands: [], articulations: [], sdgs: [], years: [], languages: [], networks: [], events: [] };

function selected(params: SearchParams): Record<Facet, string[]> {
	return {
		axes: params.axes,
		countries: params.countries,
		bands: params.bands,
		articulations: params.articulations,
		sdgs: params.sdgs.map(String),
		years: params.years.map(String),
		languages: params.languages,
		networks: params.networks,
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

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The query as searched: its first `maxLength` characters, and in those its first `maxWords`
 * words (a word is a run of letters or digits, so "a-b-c" is three: each becomes a lexeme).
 * The OR operator is kept between kept words and counts for nothing; tokens without a letter
 * or digit search nothing and are dropped. `ignoredWords` counts the words of the whole text
 * that were left out.
 */
export function boundQuery(text: string, limits: Pick<SearchLimits, 'maxLength' | 'maxWords'> = SEARCH_LIMITS): { q: string; words: number; ignoredWords: number } {
	const kept: string[] = [];
	let words = 0;
	for (const token of text.slice(0, limits.maxLength).split(/\s+/)) {
		const runs = [...token.matchAll(WORD)];
		if (runs.length === 0) continue;
		if (token.toLowerCase() === 'or') {
			if (words > 0 && words < limits.maxWords && kept.at(-1)?.toLowerCase() !== 'or') kept.push(token);
			continue;
		}
		const room = limits.maxWords - words;
		if (room <= 0) break;
		if (runs.length <= room) {
			kept.push(token);
			words += runs.length;
		} else {
			const last = runs[room - 1];
			kept.push(token.slice(0, last.index + last[0].length));
			words += room;
		}
	}
	while (kept.length && kept.at(-1)!.toLowerCase() === 'or') kept.pop();
	// Counted on the whole text (a cheap scan), so the page can say how much was left out.
	let total = 0;
	for (const token of text.split(/\s+/)) if (token.toLowerCase() !== 'or') total += token.match(WORD)?.length ?? 0;
	return { q: kept.join(' '), words, ignoredWords: Math.max(0, total - words) };
}

/** The database behind a Db: PGlite (on this thread) or a pool of PostgreSQL connections. */
function databaseOf(db: Db): { key: object; embedded: boolean; connections: number } {
	const client = (db as unknown as { $client?: { options?: { max?: number }; totalCount?: number } }).$client;
	if (client && typeof client.totalCount === 'number') return { key: client, embedded: false, connections: client.options?.max ?? 10 };
	return { key: client ?? db, embedded: true, connections: 1 };
}

/**
 * Searches take turns. On PGlite one runs at a time and gives the event loop a turn before each
 * of its queries, so /healthz and every other request are answered between two queries instead
 * of after a whole storm of searches (PGlite's own queue never yields to I/O). On PostgreSQL
 * searches use at most about half the pool (each runs two queries at once), leaving connections
 * for /readyz and the rest of the app. Waiting is bounded: beyond it the answer is "busy".
 */
class Turns {
	private running = 0;
	private readonly waiting: (() => void)[] = [];
	constructor(private readonly size: number) {}

	async take(limits: SearchLimits): Promise<(() => void) | null> {
		if (this.running >= this.size) {
			if (this.waiting.length >= limits.maxQueued) return null;
			const granted = await new Promise<boolean>((resolve) => {
				const turn = () => {
					clearTimeout(timer);
					resolve(true);
				};
				const timer = setTimeout(() => {
					this.waiting.splice(this.waiting.indexOf(turn), 1);
					resolve(false);
				}, limits.maxWaitMs);
				this.waiting.push(turn);
			});
			if (!granted) return null;
		} else this.running++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const next = this.waiting.shift();
			if (next) next();
			else this.running--;
		};
	}
}

const turns = new WeakMap<object, Turns>();

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How one search runs its queries on its database. */
interface Runner {
	rows<T>(query: SQL): Promise<T[]>;
}

function runnerFor(db: Db, embedded: boolean, limits: SearchLimits): Runner {
	if (embedded) {
		// One query after another, each after a turn of the event loop.
		let chain: Promise<unknown> = Promise.resolve();
		return {
			rows<T>(query: SQL) {
				const result = chain.then(yieldToEventLoop).then(() => rows<T>(db, query));
				chain = result.catch(() => undefined);
				return result;
			}
		};
	}
	// Each query in its own short transaction, so SET LOCAL bounds it alone; two can still run at once.
	const timeout = sql.raw(`set local statement_timeout = ${Math.max(1, Math.round(limits.statementTimeoutMs))}`);
	return {
		rows: <T>(query: SQL) =>
			db.transaction(async (tx) => {
				await tx.execute(timeout);
				return rows<T>(tx as unknown as Db, query);
			})
	};
}

/** PostgreSQL's "canceling statement due to statement timeout" (query_canceled), however wrapped. */
function isStatementTimeout(error: unknown): boolean {
	for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
		if (e.code === '57014') return true;
	}
	return false;
}

/**
 * Replace each word the repository does not know by its nearest known word (trigram
 * similarity); null when nothing could be corrected.
 */
async function correctSpelling(runner: Runner, q: string, limits: SearchLimits): Promise<string | null> {
	const words = q.split(/\s+/).filter(Boolean);
	const plain = words.map((word) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9-]/g, ''));
	// Short words, the OR operator and excluded words (-word) are left as typed; so are words
	// longer than any in the lexicon (3 to 30 letters).
	const candidates = words.map((_, i) => i).filter((i) => plain[i].length >= 4 && plain[i].length <= 30 && plain[i] !== 'or' && !words[i].startsWith('-'));
	if (!candidates.length) return null;
	// Which are known: one lookup for all of them.
	const known = new Set(
		(await runner.rows<{ word: string }>(sql`select word from search_word where word = any(${textArray(candidates.map((i) => plain[i]))})`)).map((r) => r.word)
	);
	// Words are ANDed: one word left uncorrected finds nothing, so a query with more unknown words
	// than may be looked up is not corrected at all (and costs no trigram lookup).
	const unknown = candidates.filter((i) => !known.has(plain[i]));
	if (!unknown.length || unknown.length > limits.maxCorrectedWords) return null;
	// One trigram lookup per unknown word, one after the other, each its own query (on PGlite the
	// event loop turns between them; on PostgreSQL a search holds at most two connections).
	const nearest: { typed: string; word: string | null }[] = [];
	for (const i of unknown) {
		const [near] = await runner.rows<{ word: string }>(
			sql`select word from search_word where word % ${plain[i]} order by similarity(word, ${plain[i]}) desc, word limit 1`
		);
		nearest.push({ typed: plain[i], word: near?.word ?? null });
	}
	const near = new Map(nearest.map((r) => [r.typed, r.word]));
	let changed = false;
	const corrected = words.map((word, i) => {
		const found = unknown.includes(i) ? near.get(plain[i]) : null;
		if (!found) return word;
		changed = true;
		return found;
	});
	return changed ? corrected.join(' ') : null;
}

type Found = Pick<SearchResult, 'total' | 'hits' | 'facets' | 'phraseTotal'>;

async function run(runner: Runner, q: string, params: SearchParams): Promise<Found> {
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
	// Practices holding the words as a phrase come first (checked on the matches only).
	const phrase = q ? phraseQuery(q) : null;
	const phraseFlag = phrase ? sql`(s.search_vector @@ ${phrase})` : sql`false`;
	const titleKey = params.sort === 'title' ? sql`(select r.title from practice_rank r where r.practice_id = s.practice_id)` : sql`''`;
	const order =
		params.sort === 'title'
			? sql`m.title collate "C" asc, m.id`
			: params.sort === 'newest' || !q
				? sql`m.published_at desc nulls last, m.id`
				: sql`m.phrase desc, m.rank desc, m.published_at desc nulls last, m.id`;
	const snippet = q
		? sql`ts_headline(case p.language when 'pt' then 'intercambio_pt'::regconfig else 'intercambio_es'::regconfig end,
				p.summary, ${tsQuery(q)},
				${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "`})`
		: sql`p.summary`;
	const offset = (params.page - 1) * params.perPage;
	// The page of ids first (ranking every match), then the columns and the highlighted
	// snippet for those few rows only: headlines are costly.
	const pageIds = sql`
		select m.id, count(*) over () as total, (count(*) filter (where m.phrase) over ())::int as phrase_total,
			row_number() over (order by ${order}) as position
		from (
			select s.practice_id as id, ${rank} as rank, ${phraseFlag} as phrase, s.published_at, ${titleKey} as title
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
			p.event_id as "eventId", page.total, page.phrase_total as "phraseTotal"
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
		networks: sql`m.network_slug`,
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
			select s.axes, s.countries, s.size_band, s.articulation, s.sdgs, s.start_year, s.language, s.event_id,
				(select n.slug from event e join network n on n.id = e.network_id where e.id = s.event_id) as network_slug
				${sql.join(flags, sql``)}
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
		runner.rows<SearchHit & { total: string | number; phraseTotal: number }>(hitsQuery),
		runner.rows<{ facet: Facet; value: string; count: number }>(facetQuery)
	]);
	let total = hits.length ? Number(hits[0].total) : 0;
	let phraseTotal = hits.length ? Number(hits[0].phraseTotal) : 0;
	if (!hits.length && offset > 0) {
		const [count] = await runner.rows<{ n: number; phrase: number }>(
			sql`select count(*)::int as n, (count(*) filter (where ${phraseFlag}))::int as phrase from practice_search s where ${where}`
		);
		total = count.n;
		phraseTotal = count.phrase;
	}
	const facets = EMPTY_FACETS();
	for (const r of facetRows) facets[r.facet].push({ value: r.value, count: Number(r.count) });
	for (const facet of FACETS) facets[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

	return {
		total,
		phraseTotal: phrase ? phraseTotal : null,
		hits: hits.map(({ total: _t, phraseTotal: _p, ...hit }) => ({
			...hit,
			publishedAt: hit.publishedAt ? new Date(hit.publishedAt) : null,
			updatedAt: new Date(hit.updatedAt)
		})),
		facets
	};
}

/**
 * Search the published repository: words (both languages, accents ignored, typos forgiven) and
 * facets. Bounded (see SearchLimits): the first words only, a few corrections, a statement
 * timeout on PostgreSQL, and a turn to wait for; a refusal comes back as `refusal`, not thrown.
 */
export async function searchPractices(ctx: Pick<Ctx, 'db'>, params: SearchParams, limits: SearchLimits = SEARCH_LIMITS): Promise<SearchResult> {
	const { db } = ctx;
	const { q, words, ignoredWords } = boundQuery(params.q.trim(), limits);
	const bounded = { searchedQuery: ignoredWords > 0 ? q : null, searchedWords: words, ignoredWords };
	const refused = (refusal: SearchResult['refusal']): SearchResult => ({ total: 0, phraseTotal: null, hits: [], facets: EMPTY_FACETS(), correctedQuery: null, ...bounded, refusal });
	const database = databaseOf(db);
	let searches = turns.get(database.key);
	if (!searches) turns.set(database.key, (searches = new Turns(database.embedded ? 1 : Math.max(1, Math.floor((database.connections - 2) / 2)))));
	const release = await searches.take(limits);
	if (!release) return refused('busy');
	const runner = runnerFor(db, database.embedded, limits);
	try {
		const started = performance.now();
		const first = await run(runner, q, params);
		const answer = (found: Found, correctedQuery: string | null): SearchResult => ({ ...found, correctedQuery, ...bounded, refusal: null });
		if (first.total > 0 || !q || performance.now() - started > limits.correctionBudgetMs) return answer(first, null);
		const corrected = await correctSpelling(runner, q, limits);
		if (!corrected) return answer(first, null);
		const second = await run(runner, corrected, params);
		return second.total > 0 ? answer(second, corrected) : answer(first, null);
	} catch (error) {
		if (isStatementTimeout(error)) return refused('too_broad');
		throw error;
	} finally {
		release();
	}
}
