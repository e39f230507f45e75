import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { networkUnit } from './schema.ts';

type Reader = Pick<Ctx, 'db'>;

/** A network's units in their order. */
export async function listUnits(ctx: Reader, networkId: string) {
	return ctx.db
		.select({ id: networkUnit.id, slug: networkUnit.slug, position: networkUnit.position, name: networkUnit.name, description: networkUnit.description })
		.from(networkUnit)
		.where(eq(networkUnit.networkId, networkId))
		.orderBy(asc(networkUnit.position));
}
