// What the exchanges pages read: the networks (with their units) a person may create or copy an
// exchange in, and the exchanges they manage with their first and last dates.
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { canManageEvent, canManageNetwork } from '../auth/index.ts';
import { network, networkUnit } from '../networks/schema.ts';
import { event, eventSession } from '../events/schema.ts';
import type { LocalizedText } from '../../i18n/localized.ts';

type Reader = Pick<Ctx, 'db' | 'actor'>;

/** The networks this person may put an exchange in, each with its units in their order. */
export async function manageableNetworks(ctx: Reader) {
	const networks = (await ctx.db.select({ id: network.id, name: network.name }).from(network).orderBy(asc(network.name))).filter((n) =>
		canManageNetwork(ctx.actor, n.id)
	);
	if (networks.length === 0) return [];
	const units = await ctx.db
		.select({ id: networkUnit.id, networkId: networkUnit.networkId, name: networkUnit.name })
		.from(networkUnit)
		.orderBy(asc(networkUnit.position));
	return networks.map((n) => ({ ...n, units: units.filter((u) => u.networkId === n.id).map(({ id, name }) => ({ id, name })) }));
}

/** The exchanges this person manages, newest first, with their network and the dates of their sessions. */
export async function listManagedExchanges(ctx: Reader) {
	const rows = await ctx.db
		.select({
			id: event.id,
			slug: event.slug,
			title: event.title,
			status: event.status,
			timeZone: event.timeZone,
			networkId: event.networkId,
			networkName: network.name,
			unitName: sql<LocalizedText | null>`${networkUnit.name}`,
			firstStart: sql<string | null>`(select min(${eventSession.startsAt}) from ${eventSession} where ${eventSession.eventId} = ${event.id})`,
			lastStart: sql<string | null>`(select max(${eventSession.startsAt}) from ${eventSession} where ${eventSession.eventId} = ${event.id})`
		})
		.from(event)
		.innerJoin(network, eq(network.id, event.networkId))
		.leftJoin(networkUnit, eq(networkUnit.id, event.unitId))
		.orderBy(desc(event.createdAt));
	return rows
		.filter((r) => canManageEvent(ctx.actor, r.id))
		.map((r) => ({ ...r, firstStart: r.firstStart ? new Date(r.firstStart) : null, lastStart: r.lastStart ? new Date(r.lastStart) : null }));
}
