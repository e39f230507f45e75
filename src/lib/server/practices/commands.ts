import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError, inTransaction } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { transition } from '../private-links/workflow.ts';
import { assertCanModerate, canRevise } from './rules.ts';
import { practice } from './schema.ts';
import { linkPlaces, publishInTx, rowValues, slugify, uniqueSlug, type PracticeInput } from './write.ts';

export type { PracticeInput } from './write.ts';

/**
 * Insert and publish in one transaction, without asking who acts: for the seeder (a system
 * ctx) and the verbs below, which check first.
 */
export async function insertPublishedPractice({ ctx, input, note = '' }: { ctx: Ctx; input: PracticeInput; note?: string }) {
	return inTransaction(ctx, async (tx) => {
		const { places, values } = await rowValues(tx.db, input);
		const slug = await uniqueSlug(tx.db, slugify(input.slug ?? input.title));
		const [row] = await tx.db.insert(practice).values({ ...values, slug, status: 'draft' }).returning({ id: practice.id });
		await linkPlaces(tx.db, row.id, places.map((p) => p.id));
		return publishInTx(tx, row.id, note);
	});
}

/**
 * An organiser records a practice and publishes it at once (a practice presented at an
 * exchange). City submissions go through review instead.
 */
export async function recordPublishedPractice({ ctx, input, note = '' }: { ctx: Ctx; input: PracticeInput; note?: string }) {
	assertCanModerate(ctx.actor);
	return insertPublishedPractice({ ctx, input, note });
}

/** Change a published practice: the page shows the new text and the history keeps the old. */
export async function revisePublishedPractice({ ctx, practiceId, input, note }: { ctx: Ctx; practiceId: string; input: PracticeInput; note: string }) {
	assertCanModerate(ctx.actor);
	return inTransaction(ctx, async (tx) => {
		const [current] = await tx.db.select({ status: practice.status }).from(practice).where(eq(practice.id, practiceId)).for('update');
		if (!current) throw new DomainError('not_found', 'not_found');
		if (!canRevise(current.status)) throw new DomainError('conflict', 'not_published');
		const { places, values } = await rowValues(tx.db, input);
		await tx.db.update(practice).set({ ...values, updatedAt: sql`now()` }).where(eq(practice.id, practiceId));
		await linkPlaces(tx.db, practiceId, places.map((p) => p.id));
		return publishInTx(tx, practiceId, note);
	});
}

/** Archive: gone from search and lists, the page says so; the history stays. */
export async function archivePractice({ ctx, practiceId }: { ctx: Ctx; practiceId: string }) {
	assertCanModerate(ctx.actor);
	await inTransaction(ctx, async (tx) => {
		const [row] = await tx.db.select({ slug: practice.slug, status: practice.status }).from(practice).where(eq(practice.id, practiceId)).for('update');
		if (!row) throw new DomainError('not_found', 'not_found');
		const status = transition(row.status, 'archive');
		await tx.db.update(practice).set({ status, updatedAt: sql`now()` }).where(eq(practice.id, practiceId));
		await recordAudit(tx, { action: 'practice.archived', entity: 'practice', entityId: practiceId, details: { slug: row.slug } });
	});
}
