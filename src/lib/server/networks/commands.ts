import { and, eq, sql } from 'drizzle-orm';
import { DomainError, inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { assertAdministrator, assertCanManageNetwork } from '../auth/index.ts';
import type { LocalizedText } from '../../i18n/localized.ts';
import { slugify } from '../validation.ts';
import { network, networkUnit, slugRedirect } from './schema.ts';
import type { NetworkInput, UnitInput } from './input.ts';

/** The description per language, leaving out the empty ones. */
export function describedIn(input: { descriptionEs: string; descriptionPt: string; descriptionEn: string }): Partial<LocalizedText> {
	const d: Partial<LocalizedText> = {};
	if (input.descriptionEs) d.es = input.descriptionEs;
	if (input.descriptionPt) d.pt = input.descriptionPt;
	if (input.descriptionEn) d.en = input.descriptionEn;
	return d;
}

/** A slug is taken when a network has it now or had it before (old addresses keep redirecting). */
async function assertNetworkSlugFree(ctx: Ctx, slug: string, exceptId?: string) {
	const [now] = await ctx.db.select({ id: network.id }).from(network).where(eq(network.slug, slug));
	const [before] = await ctx.db
		.select({ id: slugRedirect.targetId })
		.from(slugRedirect)
		.where(and(eq(slugRedirect.kind, 'network'), eq(slugRedirect.slug, slug)));
	const owner = now?.id ?? before?.id;
	if (owner && owner !== exceptId) throw new DomainError('conflict', 'slug_taken');
}

/** An administrator creates a network of cities. */
export async function createNetwork({ ctx, input }: { ctx: Ctx; input: NetworkInput }): Promise<string> {
	assertAdministrator(ctx);
	return inTransaction(ctx, async (tx) => {
		await assertNetworkSlugFree(tx, input.slug);
		const [row] = await tx.db
			.insert(network)
			.values({
				slug: input.slug,
				name: input.name,
				shortName: input.shortName,
				websiteUrl: input.websiteUrl || null,
				description: describedIn(input)
			})
			.returning({ id: network.id });
		await recordAudit(tx, { action: 'network.created', entity: 'network', entityId: row.id, details: { slug: input.slug, name: input.name } });
		return row.id;
	});
}

/** A network's organisers (or an administrator) add a unit: a thematic unit or a working group. */
export async function addUnit({ ctx, networkId, input }: { ctx: Ctx; networkId: string; input: UnitInput }): Promise<string> {
	assertCanManageNetwork(ctx, networkId);
	return inTransaction(ctx, async (tx) => {
		const [net] = await tx.db.select({ id: network.id }).from(network).where(eq(network.id, networkId)).for('update');
		if (!net) throw new DomainError('not_found', 'not_found');
		const slug = input.slug || slugify(input.nameEs, 'unidad');
		const [taken] = await tx.db
			.select({ id: networkUnit.id })
			.from(networkUnit)
			.where(and(eq(networkUnit.networkId, networkId), eq(networkUnit.slug, slug)));
		if (taken) throw new DomainError('conflict', 'slug_taken');
		const [{ next }] = await tx.db
			.select({ next: sql<number>`coalesce(max(${networkUnit.position}), 0)::int + 1` })
			.from(networkUnit)
			.where(eq(networkUnit.networkId, networkId));
		const name: LocalizedText = { es: input.nameEs, ...(input.namePt ? { pt: input.namePt } : {}), ...(input.nameEn ? { en: input.nameEn } : {}) };
		const [row] = await tx.db
			.insert(networkUnit)
			.values({ networkId, slug, position: next, name, description: describedIn(input) })
			.returning({ id: networkUnit.id });
		await recordAudit(tx, { action: 'unit.added', entity: 'network_unit', entityId: row.id, details: { networkId, slug, name: input.nameEs } });
		return row.id;
	});
}

/**
 * Addresses that last: when a network or an exchange changes its slug, the old one keeps answering
 * with a permanent redirect. Called inside the verb that changes the slug (its transaction).
 */
export async function rememberOldSlug({ ctx, kind, slug, targetId }: { ctx: Ctx; kind: 'network' | 'event'; slug: string; targetId: string }) {
	await ctx.db
		.insert(slugRedirect)
		.values({ kind, slug, targetId })
		.onConflictDoUpdate({ target: [slugRedirect.kind, slugRedirect.slug], set: { targetId, createdAt: sql`now()` } });
}

/** A slug its owner takes back stops redirecting (to itself). */
export async function forgetOldSlug({ ctx, kind, slug }: { ctx: Ctx; kind: 'network' | 'event'; slug: string }) {
	await ctx.db.delete(slugRedirect).where(and(eq(slugRedirect.kind, kind), eq(slugRedirect.slug, slug)));
}
