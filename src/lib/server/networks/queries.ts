import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { event } from '../events/schema.ts';
import { practice } from '../practices/schema.ts';
import { network, networkUnit, slugRedirect } from './schema.ts';

type Reader = Pick<Ctx, 'db'>;

/** A short fingerprint of the logo's bytes: its ETag, and the `?v=` that lets it be cached for long. */
const logoVersion = sql<string | null>`substr(md5(${network.logo}), 1, 16)`;

/** A network's units in their order. */
export async function listUnits(ctx: Reader, networkId: string) {
	return ctx.db
		.select({ id: networkUnit.id, slug: networkUnit.slug, position: networkUnit.position, name: networkUnit.name, description: networkUnit.description })
		.from(networkUnit)
		.where(eq(networkUnit.networkId, networkId))
		.orderBy(asc(networkUnit.position), asc(networkUnit.createdAt));
}

/** Networks by name: all of them, or only those given (the ones a person manages). */
export async function listNetworks(ctx: Reader, filter: { ids?: string[] } = {}) {
	if (filter.ids && filter.ids.length === 0) return [];
	// Written out: drizzle leaves a one-table query's columns unqualified, which a subquery would misread.
	const units = sql<number>`(select count(*)::int from network_unit u where u.network_id = "network"."id")`;
	return ctx.db
		.select({
			id: network.id,
			slug: network.slug,
			name: network.name,
			shortName: network.shortName,
			description: network.description,
			isDemo: network.isDemo,
			logoVersion,
			units
		})
		.from(network)
		.where(filter.ids ? inArray(network.id, filter.ids) : undefined)
		.orderBy(asc(network.name), asc(network.slug));
}
export type NetworkListItem = Awaited<ReturnType<typeof listNetworks>>[number];

/** A network's address: its slug now, or an old slug it had (answered with a permanent redirect). */
export async function resolveNetworkSlug(ctx: Reader, slug: string): Promise<{ id: string; slug: string; redirected: boolean } | null> {
	const [current] = await ctx.db.select({ id: network.id, slug: network.slug }).from(network).where(eq(network.slug, slug));
	if (current) return { ...current, redirected: false };
	const [old] = await ctx.db
		.select({ id: network.id, slug: network.slug })
		.from(slugRedirect)
		.innerJoin(network, eq(network.id, slugRedirect.targetId))
		.where(and(eq(slugRedirect.kind, 'network'), eq(slugRedirect.slug, slug)));
	return old ? { ...old, redirected: true } : null;
}

const publicColumns = {
	id: network.id,
	slug: network.slug,
	name: network.name,
	shortName: network.shortName,
	description: network.description,
	websiteUrl: network.websiteUrl,
	isDemo: network.isDemo,
	logoVersion
};

/**
 * A network's public page: the network and its units, found by its slug now or an old one. When an
 * old slug was asked, `redirected` is true and `slug` is the current one to redirect to.
 */
export async function getNetworkBySlug(ctx: Reader, slug: string) {
	const resolved = await resolveNetworkSlug(ctx, slug);
	if (!resolved) return null;
	const [row] = await ctx.db.select(publicColumns).from(network).where(eq(network.id, resolved.id));
	if (!row) return null;
	return { ...row, redirected: resolved.redirected, units: await listUnits(ctx, row.id) };
}

/** A network as its editor shows it: every field, its units with how many exchanges belong to each. */
export async function getNetworkForAdmin(ctx: Reader, networkId: string) {
	const [row] = await ctx.db
		.select({ ...publicColumns, logoType: network.logoType, updatedAt: network.updatedAt })
		.from(network)
		.where(eq(network.id, networkId));
	if (!row) return null;
	const exchanges = sql<number>`(select count(*)::int from event e where e.unit_id = "network_unit"."id")`;
	const units = await ctx.db
		.select({ id: networkUnit.id, slug: networkUnit.slug, position: networkUnit.position, name: networkUnit.name, description: networkUnit.description, exchanges })
		.from(networkUnit)
		.where(eq(networkUnit.networkId, networkId))
		.orderBy(asc(networkUnit.position), asc(networkUnit.createdAt));
	return { ...row, units };
}
export type NetworkForAdmin = NonNullable<Awaited<ReturnType<typeof getNetworkForAdmin>>>;

/** The logo's bytes and type, by the network's current slug (null when it has none). */
export async function networkLogo(ctx: Reader, slug: string) {
	const [row] = await ctx.db.select({ bytes: network.logo, type: network.logoType, version: logoVersion }).from(network).where(eq(network.slug, slug));
	if (!row?.bytes || !row.type || !row.version) return null;
	return { bytes: row.bytes, type: row.type, version: row.version };
}

/**
 * The practices presented at the network's exchanges (a practice belongs to the exchange it was
 * presented at): how many are published in the repository, and the latest few.
 */
export async function networkPractices(ctx: Reader, { networkId, limit = 5 }: { networkId: string; limit?: number }) {
	const where = and(eq(event.networkId, networkId), eq(practice.status, 'published'));
	const [{ count }] = await ctx.db
		.select({ count: sql<number>`count(*)::int` })
		.from(practice)
		.innerJoin(event, eq(event.id, practice.eventId))
		.where(where);
	const latest = count
		? await ctx.db
				.select({ slug: practice.slug, title: practice.title, language: practice.language, placeNames: practice.placeNames, demo: practice.demo })
				.from(practice)
				.innerJoin(event, eq(event.id, practice.eventId))
				.where(where)
				.orderBy(sql`${practice.publishedAt} desc nulls last`, asc(practice.title))
				.limit(limit)
		: [];
	return { count, latest };
}
