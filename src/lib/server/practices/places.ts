import { asc, lt, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { inTransaction } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { assertCanModerate } from './rules.ts';
import { place } from './schema.ts';
import { gazetteerCity, type GazetteerCity } from './gazetteer.ts';

/**
 * Places the gazetteer lacks (a small town, a metropolitan area), added by organisers.
 * They share the gazetteer's numbering with negative numbers, so forms and practices refer
 * to every place the same way: positive = GeoNames, negative = added here.
 */
export interface PlaceInput {
	name: string;
	country: string;
	population: number | null;
	latitude: number | null;
	longitude: number | null;
}

export async function addPlace({ ctx, input }: { ctx: Ctx; input: PlaceInput }): Promise<number> {
	assertCanModerate(ctx.actor);
	return inTransaction(ctx, async (tx) => {
		// Serialise numbering: two organisers adding at once never get the same number.
		await tx.db.execute(sql`select pg_advisory_xact_lock(4242)`);
		const [{ next }] = await tx.db
			.select({ next: sql<number>`coalesce(min(${place.geonamesId}), 0)::int - 1` })
			.from(place)
			.where(lt(place.geonamesId, 0));
		await tx.db.insert(place).values({ geonamesId: next, ...input });
		await recordAudit(tx, { action: 'place.added', entity: 'place', entityId: String(next), details: { name: input.name, country: input.country } });
		return next;
	});
}

/** Every place added by organisers, in the gazetteer's shape (for city pickers). */
export async function localPlaces(ctx: Pick<Ctx, 'db'>): Promise<GazetteerCity[]> {
	const rows = await ctx.db
		.select({ geonamesId: place.geonamesId, name: place.name, country: place.country, population: place.population, latitude: place.latitude, longitude: place.longitude })
		.from(place)
		.where(lt(place.geonamesId, 0))
		.orderBy(asc(place.name));
	return rows.map((r) => ({
		geonamesId: r.geonamesId!,
		name: r.name,
		country: r.country,
		population: r.population ?? 0,
		latitude: r.latitude ?? 0,
		longitude: r.longitude ?? 0
	}));
}

/** The places behind a list of numbers, gazetteer or added, in the order given. */
export async function describePlaces(ctx: Pick<Ctx, 'db'>, { ids }: { ids: number[] }): Promise<GazetteerCity[]> {
	const local = ids.some((id) => id < 0) ? await localPlaces(ctx) : [];
	return ids
		.map((id) => (id > 0 ? gazetteerCity(id) : (local.find((p) => p.geonamesId === id) ?? null)))
		.filter((c): c is GazetteerCity => c !== null);
}
