import { and, asc, eq, sql } from 'drizzle-orm';
import { DomainError, inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { assertAdministrator, assertCanManageNetwork } from '../auth/index.ts';
import type { Locale, LocalizedText } from '../../i18n/localized.ts';
import { slugify } from '../validation.ts';
import { event } from '../events/schema.ts';
import { network, networkUnit, slugRedirect } from './schema.ts';
import type { NetworkEditInput, NetworkInput, UnitEditInput, UnitInput, UnitMove } from './input.ts';
import { canMoveUnit, canRemoveUnit } from './rules.ts';

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

/** Set one language of a text that may be absent in every language (empty removes it). */
function withOptionalLocale(current: Partial<LocalizedText>, locale: Locale, value: string): Partial<LocalizedText> {
	const next = { ...current };
	if (value === '') delete next[locale];
	else next[locale] = value;
	return next;
}

async function lockNetwork(ctx: Ctx, networkId: string) {
	const [row] = await ctx.db.select().from(network).where(eq(network.id, networkId)).for('update');
	if (!row) throw new DomainError('not_found', 'not_found');
	return row;
}

/**
 * An administrator or one of the network's organisers saves its address, names, web site and the
 * description in one language. A new address keeps the old one redirecting (rememberOldSlug);
 * taking back one of the network's own old addresses stops that redirect; an address another
 * network has or had is refused (slug_taken).
 */
export async function updateNetwork({ ctx, networkId, input }: { ctx: Ctx; networkId: string; input: NetworkEditInput }) {
	assertCanManageNetwork(ctx, networkId);
	await inTransaction(ctx, async (tx) => {
		const current = await lockNetwork(tx, networkId);
		const websiteUrl = input.websiteUrl || null;
		const description = withOptionalLocale(current.description, input.locale, input.description);
		const fields = [
			current.slug !== input.slug && 'slug',
			current.name !== input.name && 'name',
			current.shortName !== input.shortName && 'shortName',
			current.websiteUrl !== websiteUrl && 'websiteUrl',
			(current.description[input.locale] ?? '') !== input.description && 'description'
		].filter((f): f is string => !!f);
		if (fields.length === 0) return;
		if (current.slug !== input.slug) {
			await assertNetworkSlugFree(tx, input.slug, networkId);
			await forgetOldSlug({ ctx: tx, kind: 'network', slug: input.slug });
			await rememberOldSlug({ ctx: tx, kind: 'network', slug: current.slug, targetId: networkId });
		}
		await tx.db
			.update(network)
			.set({ slug: input.slug, name: input.name, shortName: input.shortName, websiteUrl, description, updatedAt: sql`now()` })
			.where(eq(network.id, networkId));
		await recordAudit(tx, {
			action: 'network.updated',
			entity: 'network',
			entityId: networkId,
			details: {
				name: input.name,
				locale: input.locale,
				fields,
				...(current.slug !== input.slug ? { slug: { from: current.slug, to: input.slug } } : {})
			}
		});
	});
}

async function lockUnit(ctx: Ctx, networkId: string, unitId: string) {
	const [row] = await ctx.db
		.select()
		.from(networkUnit)
		.where(and(eq(networkUnit.id, unitId), eq(networkUnit.networkId, networkId)))
		.for('update');
	if (!row) throw new DomainError('not_found', 'not_found');
	return row;
}

/** A unit's name and description in one language; the Spanish name is required, another language's empty name falls back to it. */
export async function updateUnit({ ctx, networkId, unitId, input }: { ctx: Ctx; networkId: string; unitId: string; input: UnitEditInput }) {
	assertCanManageNetwork(ctx, networkId);
	if (input.locale === 'es' && input.name === '') throw new DomainError('invalid', 'required');
	await inTransaction(ctx, async (tx) => {
		const current = await lockUnit(tx, networkId, unitId);
		const was = current.name[input.locale] ?? '';
		const nameChanged = was !== input.name;
		const descriptionChanged = (current.description[input.locale] ?? '') !== input.description;
		if (!nameChanged && !descriptionChanged) return;
		const name = { ...current.name };
		if (input.name === '') delete name[input.locale];
		else name[input.locale] = input.name;
		await tx.db
			.update(networkUnit)
			.set({ name, description: withOptionalLocale(current.description, input.locale, input.description) })
			.where(eq(networkUnit.id, unitId));
		await recordAudit(tx, {
			action: 'unit.updated',
			entity: 'network_unit',
			entityId: unitId,
			details: { networkId, locale: input.locale, from: was || current.name.es, to: input.name || current.name.es, descriptionChanged }
		});
	});
}

/** A unit one place up or down in the network's order (the first cannot go up, the last cannot go down). */
export async function moveUnit({ ctx, networkId, unitId, direction }: { ctx: Ctx; networkId: string; unitId: string; direction: UnitMove }) {
	assertCanManageNetwork(ctx, networkId);
	await inTransaction(ctx, async (tx) => {
		await lockNetwork(tx, networkId);
		const units = await tx.db
			.select({ id: networkUnit.id, position: networkUnit.position, name: networkUnit.name })
			.from(networkUnit)
			.where(eq(networkUnit.networkId, networkId))
			.orderBy(asc(networkUnit.position), asc(networkUnit.createdAt));
		const index = units.findIndex((u) => u.id === unitId);
		if (index < 0) throw new DomainError('not_found', 'not_found');
		if (!canMoveUnit(index, units.length, direction)) throw new DomainError('invalid', 'unit_cannot_move');
		const order = units.map((u) => u.id);
		const other = direction === 'up' ? index - 1 : index + 1;
		[order[index], order[other]] = [order[other], order[index]];
		// Positions become 1…n in the new order (they may have had gaps after a removal).
		for (const [i, id] of order.entries()) {
			const unit = units.find((u) => u.id === id)!;
			if (unit.position !== i + 1) await tx.db.update(networkUnit).set({ position: i + 1 }).where(eq(networkUnit.id, id));
		}
		await recordAudit(tx, {
			action: 'unit.moved',
			entity: 'network_unit',
			entityId: unitId,
			details: { networkId, name: units[index].name.es, direction, position: other + 1 }
		});
	});
}

/** How many exchanges belong to a unit (any status: drafts too). */
export async function exchangesOfUnit(ctx: Pick<Ctx, 'db'>, unitId: string): Promise<number> {
	const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(event).where(eq(event.unitId, unitId));
	return n;
}

/** A unit no exchange belongs to is removed; one with exchanges is refused (unit_in_use): move them first. */
export async function removeUnit({ ctx, networkId, unitId }: { ctx: Ctx; networkId: string; unitId: string }) {
	assertCanManageNetwork(ctx, networkId);
	await inTransaction(ctx, async (tx) => {
		await lockNetwork(tx, networkId);
		const unit = await lockUnit(tx, networkId, unitId);
		const exchanges = await exchangesOfUnit(tx, unitId);
		if (!canRemoveUnit({ exchanges })) throw new DomainError('conflict', 'unit_in_use');
		await tx.db.delete(networkUnit).where(eq(networkUnit.id, unitId));
		await recordAudit(tx, { action: 'unit.removed', entity: 'network_unit', entityId: unitId, details: { networkId, name: unit.name.es } });
	});
}
