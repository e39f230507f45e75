import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { DomainError, inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { canManageNetwork } from '../auth/index.ts';
import { LOCALES, type Locale } from '../../i18n/localized.ts';
import { isValidTimeZone } from '../../time.ts';
import { oneLine, slugField } from '../validation.ts';
import { network, networkUnit, slugRedirect } from '../networks/schema.ts';
import { event } from './schema.ts';

/** A new exchange: where it belongs, its address, its title in Spanish, its zone and languages. */
export const newEventSchema = v.object({
	networkId: v.pipe(v.string('required'), v.uuid('required')),
	unitId: v.pipe(
		v.optional(v.union([v.literal(''), v.pipe(v.string(), v.uuid())], 'invalid'), ''),
		v.transform((value) => (value === '' ? null : value.toLowerCase()))
	),
	slug: slugField,
	title: oneLine(200, 1),
	timeZone: v.pipe(v.string('required'), v.trim(), v.check(isValidTimeZone, 'time_zone')),
	languages: v.pipe(v.array(v.picklist(LOCALES, 'invalid')), v.minLength(1, 'required'), v.check((l) => l.includes('es'), 'spanish_required'))
});
export type NewEventInput = v.InferOutput<typeof newEventSchema>;

/** An exchange's address is taken when one has it now or had it before (old addresses keep redirecting). */
export async function assertEventSlugFree(ctx: Pick<Ctx, 'db'>, slug: string, exceptId?: string) {
	const [now] = await ctx.db.select({ id: event.id }).from(event).where(eq(event.slug, slug));
	const [before] = await ctx.db
		.select({ id: slugRedirect.targetId })
		.from(slugRedirect)
		.where(and(eq(slugRedirect.kind, 'event'), eq(slugRedirect.slug, slug)));
	const owner = now?.id ?? before?.id;
	if (owner && owner !== exceptId) throw new DomainError('conflict', 'slug_taken');
}

/** The unit must be one of the network's own. */
export async function assertUnitOfNetwork(ctx: Pick<Ctx, 'db'>, unitId: string | null, networkId: string) {
	if (unitId === null) return;
	const [unit] = await ctx.db
		.select({ id: networkUnit.id })
		.from(networkUnit)
		.where(and(eq(networkUnit.id, unitId), eq(networkUnit.networkId, networkId)));
	if (!unit) throw new DomainError('invalid', 'invalid');
}

/**
 * A network's organiser (or an administrator) creates an exchange. It starts as a draft that only
 * its organisers see; the other texts are written in the editor, and the checklist says what is
 * missing before it can be published.
 */
export async function createEvent({ ctx, input }: { ctx: Ctx; input: NewEventInput }): Promise<{ id: string; slug: string }> {
	if (!canManageNetwork(ctx.actor, input.networkId)) throw new DomainError('forbidden', 'forbidden');
	return inTransaction(ctx, async (tx) => {
		const [net] = await tx.db.select({ id: network.id, isDemo: network.isDemo }).from(network).where(eq(network.id, input.networkId));
		if (!net) throw new DomainError('invalid', 'invalid');
		await assertUnitOfNetwork(tx, input.unitId, input.networkId);
		await assertEventSlugFree(tx, input.slug);
		const empty = { es: '' };
		const languages = LOCALES.filter((l) => input.languages.includes(l)) as Locale[];
		const [row] = await tx.db
			.insert(event)
			.values({
				slug: input.slug,
				networkId: input.networkId,
				unitId: input.unitId,
				title: { es: input.title },
				summary: empty,
				background: empty,
				objective: empty,
				format: empty,
				timeZone: input.timeZone,
				languages,
				status: 'draft'
			})
			.returning({ id: event.id, slug: event.slug });
		await recordAudit(tx, {
			action: 'event.created',
			entity: 'event',
			entityId: row.id,
			details: { slug: input.slug, networkId: input.networkId, title: input.title }
		});
		return row;
	});
}
