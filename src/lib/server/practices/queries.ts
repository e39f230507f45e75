import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { place, practice, practicePlace, practiceVersion } from './schema.ts';

/** Reads need only the database. */
type Reader = Pick<Ctx, 'db'>;

/** A published (or archived) practice as its page shows it, with its places in order. */
export async function getPracticePage(ctx: Reader, { slug }: { slug: string }) {
	const [row] = await ctx.db
		.select()
		.from(practice)
		.where(and(eq(practice.slug, slug), inArray(practice.status, ['published', 'archived']), sql`${practice.publishedAt} is not null`));
	if (!row) return null;
	const places = await ctx.db
		.select({ name: place.name, country: place.country, population: place.population, latitude: place.latitude, longitude: place.longitude })
		.from(practicePlace)
		.innerJoin(place, eq(place.id, practicePlace.placeId))
		.where(eq(practicePlace.practiceId, row.id))
		.orderBy(asc(practicePlace.position));
	const { editTokenHash: _t, contactEmail, contactName, ...visible } = row;
	return {
		...visible,
		// Contact details are shown only with the person's consent.
		contact: row.contactPublic ? { name: contactName, email: contactEmail } : null,
		places
	};
}
export type PracticePage = NonNullable<Awaited<ReturnType<typeof getPracticePage>>>;

/** The versions a visitor can compare, newest first. */
export async function listPracticeVersions(ctx: Reader, { practiceId }: { practiceId: string }) {
	return ctx.db
		.select({ version: practiceVersion.version, snapshot: practiceVersion.snapshot, note: practiceVersion.note, publishedAt: practiceVersion.publishedAt })
		.from(practiceVersion)
		.where(eq(practiceVersion.practiceId, practiceId))
		.orderBy(desc(practiceVersion.version));
}

/**
 * Practices like this one: the same words weigh most (its title and tags as a query over the
 * others' text), then shared axes, articulation level and size band.
 */
export async function similarPractices(
	ctx: Reader,
	{ target, limit = 4 }: { target: { id: string; title: string; tags: string[]; axes: string[]; articulation: string; sizeBand: string | null }; limit?: number }
) {
	const folded = [target.title, ...target.tags].join(' ').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
	const terms = [...new Set(folded.match(/[a-z]{4,}/g) ?? [])].slice(0, 12).join(' | ');
	// Any shared word counts (terms OR-ed), stemmed in both languages.
	const anyWord = terms ? sql`(to_tsquery('intercambio_es', ${terms}) || to_tsquery('intercambio_pt', ${terms}))` : sql`''::tsquery`;
	const axes = sql`array[${sql.join([...target.axes, ''].map((a) => sql`${a}`), sql`, `)}]::text[]`;
	// Candidates are bounded to the most recent 2,000 sharing a word or an axis (all of them in a
	// repository of normal size), then ranked by the words of their title, tags and summary.
	const result = await ctx.db.execute(sql`
		select p.slug, p.title, p.language, p.place_names as "placeNames", p.countries, p.demo
		from (
			select s.practice_id, s.axes, s.articulation, s.size_band, s.published_at
			from practice_search s
			where s.practice_id <> ${target.id} and (practice_words(s.search_vector) @@ ${anyWord} or s.axes && ${axes})
			order by s.published_at desc nulls last
			limit 2000
		) s
		join practice p on p.id = s.practice_id
		order by
			(select ts_rank_cd(r.rank_vector, ${anyWord}) from practice_rank r where r.practice_id = s.practice_id) * 4
			+ cardinality(array(select unnest(s.axes) intersect select unnest(${axes})))
			+ (case when s.articulation = ${target.articulation} then 0.5 else 0 end)
			+ (case when s.size_band is not distinct from ${target.sizeBand} then 0.5 else 0 end) desc,
			s.published_at desc, p.slug
		limit ${limit}`);
	return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
		slug: string;
		title: string;
		language: 'es' | 'pt';
		placeNames: string;
		countries: string[];
		demo: boolean;
	}[];
}

/** Several published practices by slug, in the order asked (for comparing them). */
export async function getPracticesBySlug(ctx: Reader, { slugs }: { slugs: string[] }) {
	if (slugs.length === 0) return [];
	const pages = await Promise.all(slugs.map((slug) => getPracticePage(ctx, { slug })));
	return pages.filter((p): p is PracticePage => p !== null && p.status === 'published');
}

/** Every published practice, for exports, the feed and the sitemap (newest first). */
export async function listPublishedPractices(ctx: Reader, options: { limit?: number; offset?: number } = {}) {
	const q = ctx.db
		.select({
			id: practice.id,
			slug: practice.slug,
			title: practice.title,
			summary: practice.summary,
			language: practice.language,
			placeNames: practice.placeNames,
			countries: practice.countries,
			population: practice.population,
			sizeBand: practice.sizeBand,
			axes: practice.axes,
			articulation: practice.articulation,
			startYear: practice.startYear,
			endYear: practice.endYear,
			ongoing: practice.ongoing,
			sdgs: practice.sdgs,
			tags: practice.tags,
			licence: practice.licence,
			origin: practice.origin,
			eventId: practice.eventId,
			demo: practice.demo,
			version: practice.version,
			publishedAt: practice.publishedAt,
			updatedAt: practice.updatedAt
		})
		.from(practice)
		.where(eq(practice.status, 'published'))
		.orderBy(desc(practice.publishedAt), asc(practice.id));
	if (options.limit !== undefined) return q.limit(options.limit).offset(options.offset ?? 0);
	return q;
}

/** Every place with published practices, with how many and which (for the map and its list). */
export async function placesWithPractices(ctx: Reader) {
	const rows = await ctx.db
		.select({
			placeId: place.id,
			name: place.name,
			country: place.country,
			latitude: place.latitude,
			longitude: place.longitude,
			slug: practice.slug,
			title: practice.title,
			language: practice.language
		})
		.from(practicePlace)
		.innerJoin(place, eq(place.id, practicePlace.placeId))
		.innerJoin(practice, eq(practice.id, practicePlace.practiceId))
		.where(eq(practice.status, 'published'))
		.orderBy(asc(place.country), asc(place.name), asc(practice.title));
	const byPlace = new Map<string, { name: string; country: string; latitude: number | null; longitude: number | null; practices: { slug: string; title: string; language: string }[] }>();
	for (const r of rows) {
		const entry = byPlace.get(r.placeId) ?? { name: r.name, country: r.country, latitude: r.latitude, longitude: r.longitude, practices: [] };
		entry.practices.push({ slug: r.slug, title: r.title, language: r.language });
		byPlace.set(r.placeId, entry);
	}
	return [...byPlace.values()];
}

/** The published practices presented at an event, by axis order then title. */
export async function practicesOfEvent(ctx: Reader, { eventId }: { eventId: string }) {
	return ctx.db
		.select({ slug: practice.slug, title: practice.title, language: practice.language, placeNames: practice.placeNames, axes: practice.axes, demo: practice.demo })
		.from(practice)
		.where(and(eq(practice.eventId, eventId), eq(practice.status, 'published')))
		.orderBy(asc(practice.title));
}
