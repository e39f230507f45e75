import { slugify as slugifyText } from '../validation.ts';
import { and, asc, eq, like, or, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError, userOf } from '../context.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/index.ts';
import { gazetteerCity } from './gazetteer.ts';
import {
	PRACTICE_TEXT_FIELDS,
	place,
	practice,
	practicePlace,
	practiceVersion,
	sizeBand,
	type ArticulationLevel,
	type PracticeLanguage,
	type PracticeLink,
	type PracticeTextField
} from './schema.ts';

// How a practice row is written: the building blocks the verbs (commands.ts, draft.ts,
// moderation.ts) share inside their transactions. Not part of the domain's surface.

/** A practice as the domain receives it, already parsed and validated at the edge. */
export interface PracticeInput {
	/** The address wanted (imports, demo content); otherwise made from the title. */
	slug?: string;
	language: PracticeLanguage;
	title: string;
	summary: string;
	texts: Record<PracticeTextField, string>;
	/** GeoNames ids; the first is the lead place. */
	geonamesIds: number[];
	axes: string[];
	articulation: ArticulationLevel;
	startYear: number | null;
	endYear: number | null;
	ongoing: boolean;
	sdgs: number[];
	tags: string[];
	sources: string[];
	links: PracticeLink[];
	contactName: string;
	contactEmail: string;
	contactPublic: boolean;
	licence: string;
	origin: 'event' | 'submission';
	eventId: string | null;
	demo: boolean;
}

/** A practice's readable address (the shared rule, with the repository's fallback word). */
export const slugify = (text: string): string => slugifyText(text, 'practica');

/** Addresses the repository's own pages use under /practices/. */
const RESERVED_SLUGS = new Set(['submit', 'map', 'figures', 'compare', 'feed', 'export']);

export async function uniqueSlug(tx: Db, asked: string): Promise<string> {
	const wanted = RESERVED_SLUGS.has(asked) ? `${asked}-practica` : asked;
	const taken = new Set(
		(await tx
			.select({ slug: practice.slug })
			.from(practice)
			.where(or(eq(practice.slug, wanted), like(practice.slug, `${wanted}-%`)))).map((r) => r.slug)
	);
	if (!taken.has(wanted)) return wanted;
	for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** The places of the gazetteer, stored once each; returns them in the order given. */
export async function ensurePlaces(tx: Db, geonamesIds: number[]) {
	const rows = [];
	for (const geonamesId of geonamesIds) {
		if (geonamesId < 0) {
			// Added by an organiser: it is already stored.
			const [local] = await tx
				.select({ id: place.id, name: place.name, country: place.country, population: place.population })
				.from(place)
				.where(eq(place.geonamesId, geonamesId));
			if (!local) throw new DomainError('invalid', 'unknown_place');
			rows.push(local);
			continue;
		}
		const city = gazetteerCity(geonamesId);
		if (!city) throw new DomainError('invalid', 'unknown_place');
		const [row] = await tx
			.insert(place)
			.values({
				geonamesId,
				name: city.name,
				country: city.country,
				population: city.population || null,
				latitude: city.latitude,
				longitude: city.longitude
			})
			.onConflictDoUpdate({ target: place.geonamesId, set: { name: city.name } })
			.returning({ id: place.id, name: place.name, country: place.country, population: place.population });
		rows.push(row);
	}
	return rows;
}

async function bandFor(tx: Db, population: number | null): Promise<string | null> {
	if (population === null) return null;
	const [band] = await tx
		.select({ code: sizeBand.code })
		.from(sizeBand)
		.where(
			and(
				sql`${sizeBand.minPopulation} <= ${population}`,
				sql`(${sizeBand.maxPopulation} is null or ${sizeBand.maxPopulation} > ${population})`
			)
		)
		.orderBy(asc(sizeBand.position))
		.limit(1);
	return band?.code ?? null;
}

/** Everything stored on the practice row that follows from the input and its places. */
export async function rowValues(tx: Db, input: PracticeInput) {
	const places = await ensurePlaces(tx, input.geonamesIds);
	const population = places[0]?.population ?? null;
	return {
		places,
		values: {
			language: input.language,
			title: input.title,
			summary: input.summary,
			...input.texts,
			articulation: input.articulation,
			startYear: input.startYear,
			endYear: input.ongoing ? null : input.endYear,
			ongoing: input.ongoing,
			axes: [...new Set(input.axes)],
			countries: [...new Set(places.map((p) => p.country))],
			sdgs: [...new Set(input.sdgs)].sort((a, b) => a - b),
			tags: [...new Set(input.tags)],
			sizeBand: await bandFor(tx, population),
			population,
			placeNames: places.map((p) => p.name).join(', '),
			sources: input.sources,
			links: input.links,
			contactName: input.contactName,
			contactEmail: input.contactEmail,
			contactPublic: input.contactPublic,
			licence: input.licence,
			origin: input.origin,
			eventId: input.eventId,
			demo: input.demo
		}
	};
}

export async function linkPlaces(tx: Db, practiceId: string, placeIds: string[]) {
	await tx.delete(practicePlace).where(eq(practicePlace.practiceId, practiceId));
	if (placeIds.length) {
		await tx.insert(practicePlace).values(placeIds.map((placeId, position) => ({ practiceId, placeId, position })));
	}
}

/** The fields a visitor sees, frozen for the history of a published practice. */
function snapshotOf(row: typeof practice.$inferSelect) {
	const snapshot: Record<string, unknown> = {
		title: row.title,
		summary: row.summary,
		placeNames: row.placeNames,
		axes: row.axes,
		articulation: row.articulation,
		startYear: row.startYear,
		endYear: row.endYear,
		ongoing: row.ongoing,
		sdgs: row.sdgs,
		tags: row.tags,
		sources: row.sources,
		links: row.links,
		licence: row.licence
	};
	for (const field of PRACTICE_TEXT_FIELDS) snapshot[field] = row[field];
	return snapshot;
}

/** Add the practice's words to the lexicon that corrects misspelt searches. */
async function rememberWords(tx: Db, practiceId: string) {
	await tx.execute(sql`
		insert into search_word (word)
		select distinct w
		from practice p,
			unnest(tsvector_to_array(to_tsvector('simple', immutable_unaccent(lower(
				p.title || ' ' || p.summary || ' ' || p.place_names || ' ' || immutable_join(p.tags) || ' ' ||
				p.context || ' ' || p.objectives || ' ' || p.actions || ' ' || p.participation || ' ' || p.results || ' ' || p.lessons
			))))) as w
		where p.id = ${practiceId} and w ~ '^[a-z]{3,30}$'
		on conflict do nothing`);
}

/** Publish (or re-publish after a change): a new version in the history, audited. */
export async function publishInTx(tx: Ctx, practiceId: string, note: string) {
	const [row] = await tx.db.select().from(practice).where(eq(practice.id, practiceId)).for('update');
	if (!row) throw new DomainError('not_found', 'not_found');
	const version = row.version + 1;
	const [published] = await tx.db
		.update(practice)
		.set({ status: 'published', version, publishedAt: row.publishedAt ?? sql`now()`, updatedAt: sql`now()` })
		.where(eq(practice.id, practiceId))
		.returning();
	await tx.db.insert(practiceVersion).values({
		practiceId,
		version,
		snapshot: snapshotOf(published),
		changedByEmail: userOf(tx.actor)?.email ?? null,
		note
	});
	await rememberWords(tx.db, practiceId);
	await recordAudit(tx, {
		action: 'practice.published',
		entity: 'practice',
		entityId: practiceId,
		details: { slug: row.slug, version }
	});
	return published;
}

/** The places of a practice, as GeoNames numbers in order (the lead place first). */
export async function placesOf(db: Db, practiceId: string): Promise<number[]> {
	const rows = await db
		.select({ geonamesId: place.geonamesId })
		.from(practicePlace)
		.innerJoin(place, eq(place.id, practicePlace.placeId))
		.where(eq(practicePlace.practiceId, practiceId))
		.orderBy(asc(practicePlace.position));
	return rows.map((r) => r.geonamesId).filter((id): id is number => id !== null);
}

/** A stored practice back in the shape the forms read and write. */
export function valuesOf(row: typeof practice.$inferSelect, geonamesIds: number[]): PracticeInput {
	return {
		slug: row.slug,
		language: row.language,
		title: row.title,
		summary: row.summary,
		texts: Object.fromEntries(PRACTICE_TEXT_FIELDS.map((f) => [f, row[f]])) as Record<PracticeTextField, string>,
		geonamesIds,
		axes: row.axes,
		articulation: row.articulation,
		startYear: row.startYear,
		endYear: row.endYear,
		ongoing: row.ongoing,
		sdgs: row.sdgs,
		tags: row.tags,
		sources: row.sources,
		links: row.links,
		contactName: row.contactName,
		contactEmail: row.contactEmail,
		contactPublic: row.contactPublic,
		licence: row.licence,
		origin: 'submission',
		eventId: row.eventId,
		demo: false
	};
}
