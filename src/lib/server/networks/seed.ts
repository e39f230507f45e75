import { and, eq, sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import type { LocalizedText } from '../../i18n/localized.ts';
import { network, networkUnit } from './schema.ts';

/** A network and one of its units as data (the demo's in src/lib/server/demo/exchange.json). */
export interface NetworkSeed {
	network: { slug: string; name: string; shortName: string; description: Partial<LocalizedText>; websiteUrl: string | null; isDemo: boolean };
	unit: { slug: string; name: LocalizedText };
}

/** Make sure the network and its unit exist (found by slug, never overwritten); returns their ids. */
export async function seedNetwork({ ctx, seed }: { ctx: Ctx; seed: NetworkSeed }): Promise<{ networkId: string; unitId: string }> {
	return inTransaction(ctx, async (tx) => {
		const inserted = await tx.db.insert(network).values(seed.network).onConflictDoNothing({ target: network.slug }).returning({ id: network.id });
		const [net] = inserted.length ? inserted : await tx.db.select({ id: network.id }).from(network).where(eq(network.slug, seed.network.slug));
		if (inserted.length) await recordAudit(tx, { action: 'network.seeded', entity: 'network', entityId: net.id, details: { slug: seed.network.slug, demo: seed.network.isDemo } });
		const [existing] = await tx.db
			.select({ id: networkUnit.id })
			.from(networkUnit)
			.where(and(eq(networkUnit.networkId, net.id), eq(networkUnit.slug, seed.unit.slug)));
		if (existing) return { networkId: net.id, unitId: existing.id };
		const [{ next }] = await tx.db
			.select({ next: sql<number>`coalesce(max(${networkUnit.position}), 0)::int + 1` })
			.from(networkUnit)
			.where(eq(networkUnit.networkId, net.id));
		const [unit] = await tx.db.insert(networkUnit).values({ networkId: net.id, slug: seed.unit.slug, name: seed.unit.name, position: next }).returning({ id: networkUnit.id });
		return { networkId: net.id, unitId: unit.id };
	});
}
