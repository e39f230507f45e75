// An exchange's life: a draft its organisers prepare, published, concluded once held, archived;
// its address (slug) and the languages it is offered in. Each verb checks who acts, locks the
// exchange's row, writes it and its audit row in one transaction.
import { eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { DomainError, inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { forgetOldSlug, rememberOldSlug } from '../networks/index.ts';
import { LOCALES, type Locale } from '../../i18n/localized.ts';
import { slugField } from '../validation.ts';
import { registration } from '../registrations/schema.ts';
import { assertEventSlugFree } from './create.ts';
import { assertCanManageEvent, canConclude } from './rules.ts';
import { event, eventSession } from './schema.ts';

async function lockEvent(ctx: Ctx, eventId: string) {
	const [row] = await ctx.db
		.select({ id: event.id, slug: event.slug, status: event.status, concludedAt: event.concludedAt, languages: event.languages })
		.from(event)
		.where(eq(event.id, eventId))
		.for('update');
	if (!row) throw new DomainError('not_found', 'not_found');
	return row;
}

/**
 * What must be true before an exchange is published, computed by whoever knows (the exchanges
 * domain's checklist reads the events' and the registrations' tables): the items still missing,
 * none when it is ready. It runs inside publishEvent's transaction, after the exchange's row is
 * locked, so the proof is about the very state that gets published.
 */
export type PublishingCheck = (tx: Ctx, eventId: string) => Promise<readonly unknown[]>;

/**
 * A draft becomes public. Refused while the check finds anything missing (call the exchanges
 * domain's publishExchange, which passes its checklist): events never depends on exchanges.
 */
export async function publishEvent({ ctx, eventId, check }: { ctx: Ctx; eventId: string; check: PublishingCheck }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const current = await lockEvent(tx, eventId);
		if (current.status !== 'draft') throw new DomainError('conflict', 'event_not_draft');
		const missing = await check(tx, eventId);
		if (missing.length > 0) throw new DomainError('conflict', 'checklist');
		await tx.db.update(event).set({ status: 'published', publishedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, { action: 'event.published', entity: 'event', entityId: eventId, details: { slug: current.slug } });
	});
}

/** People registered for it: it stays public (archive it instead), since they were given its address. */
export async function registrationCount(ctx: Pick<Ctx, 'db'>, eventId: string): Promise<number> {
	const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(registration).where(eq(registration.eventId, eventId));
	return n;
}

/** A published exchange back to draft, while nobody registered for it. */
export async function unpublishEvent({ ctx, eventId }: { ctx: Ctx; eventId: string }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const current = await lockEvent(tx, eventId);
		if (current.status !== 'published') throw new DomainError('conflict', 'event_not_published');
		if ((await registrationCount(tx, eventId)) > 0) throw new DomainError('conflict', 'event_has_registrations');
		await tx.db.update(event).set({ status: 'draft', publishedAt: null, updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, { action: 'event.unpublished', entity: 'event', entityId: eventId, details: { slug: current.slug } });
	});
}

/** Archived: still public, labelled as archived, taking nobody. */
export async function archiveEvent({ ctx, eventId }: { ctx: Ctx; eventId: string }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const current = await lockEvent(tx, eventId);
		if (current.status !== 'published') throw new DomainError('conflict', 'event_not_published');
		await tx.db.update(event).set({ status: 'archived', updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, { action: 'event.archived', entity: 'event', entityId: eventId, details: { slug: current.slug } });
	});
}

/** Out of the archive: published again, as it was. */
export async function unarchiveEvent({ ctx, eventId }: { ctx: Ctx; eventId: string }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const current = await lockEvent(tx, eventId);
		if (current.status !== 'archived') throw new DomainError('conflict', 'event_not_archived');
		await tx.db.update(event).set({ status: 'published', updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, { action: 'event.unarchived', entity: 'event', entityId: eventId, details: { slug: current.slug } });
	});
}

/** The organisers publish the conclusions and recordings, once every session has ended. */
export async function concludeEvent({ ctx, eventId, now = new Date() }: { ctx: Ctx; eventId: string; now?: Date }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const current = await lockEvent(tx, eventId);
		const sessions = await tx.db.select({ endsAt: eventSession.endsAt }).from(eventSession).where(eq(eventSession.eventId, eventId));
		if (!canConclude(current, sessions, now)) throw new DomainError('conflict', current.concludedAt ? 'event_already_concluded' : 'event_not_held');
		await tx.db.update(event).set({ concludedAt: now, updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, { action: 'event.concluded', entity: 'event', entityId: eventId, details: { slug: current.slug } });
	});
}

/** The conclusions go back to being written (the exchange shows as held again). */
export async function reopenConclusions({ ctx, eventId }: { ctx: Ctx; eventId: string }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const current = await lockEvent(tx, eventId);
		if (!current.concludedAt) throw new DomainError('conflict', 'event_not_concluded');
		await tx.db.update(event).set({ concludedAt: null, updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, { action: 'event.conclusions_reopened', entity: 'event', entityId: eventId, details: { slug: current.slug } });
	});
}

export const eventSlugSchema = v.object({ slug: slugField });
export type EventSlugInput = v.InferOutput<typeof eventSlugSchema>;

/**
 * A new address. The old one keeps answering with a permanent redirect; taking back one of its
 * own old addresses stops that one redirecting. Another exchange's address, now or before, is refused.
 */
export async function changeEventSlug({ ctx, eventId, slug }: { ctx: Ctx; eventId: string; slug: string }) {
	assertCanManageEvent(ctx, eventId);
	const parsed = v.safeParse(slugField, slug);
	if (!parsed.success) throw new DomainError('invalid', 'slug');
	const next = parsed.output;
	await inTransaction(ctx, async (tx) => {
		const current = await lockEvent(tx, eventId);
		if (current.slug === next) return;
		await assertEventSlugFree(tx, next, eventId);
		await forgetOldSlug({ ctx: tx, kind: 'event', slug: next });
		await rememberOldSlug({ ctx: tx, kind: 'event', slug: current.slug, targetId: eventId });
		await tx.db.update(event).set({ slug: next, updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, { action: 'event.slug_changed', entity: 'event', entityId: eventId, details: { from: current.slug, to: next } });
	});
	return next;
}

export const eventLanguagesSchema = v.object({ languages: v.array(v.picklist(LOCALES, 'invalid')) });

/** The languages the exchange is offered in, in the installation's order; Spanish is always one. */
export async function setEventLanguages({ ctx, eventId, languages }: { ctx: Ctx; eventId: string; languages: readonly string[] }) {
	assertCanManageEvent(ctx, eventId);
	if (languages.some((l) => !(LOCALES as readonly string[]).includes(l))) throw new DomainError('invalid', 'invalid');
	const next = LOCALES.filter((l) => l === 'es' || languages.includes(l)) as Locale[];
	await inTransaction(ctx, async (tx) => {
		const current = await lockEvent(tx, eventId);
		if (current.languages.join(',') === next.join(',')) return;
		await tx.db.update(event).set({ languages: next, updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, { action: 'event.languages_set', entity: 'event', entityId: eventId, details: { from: current.languages, to: next } });
	});
	return next;
}
