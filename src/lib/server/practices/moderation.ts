import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError, inTransaction, userOf } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { issueLink, mailLocale, transition } from '../private-links/workflow.ts';
import { changesRequestedMail, practicePublishedMail } from './mails.ts';
import { deleteFileRow, discardBytes, listFiles, storedFile } from './files.ts';
import { assertCanModerate, filesAwaitingReview } from './rules.ts';
import { practice, practiceComment, practiceFile } from './schema.ts';
import { placesOf, publishInTx, valuesOf, type PracticeInput } from './write.ts';

/**
 * Moderators (organisers) review what cities send: they comment, ask for changes (with a new
 * private link), publish or archive (commands.ts). Every moderator action is audited.
 */

/** The moderators' queue: submitted practices first (oldest first), then those waiting for the city. */
export async function moderationQueue(ctx: Pick<Ctx, 'db'>) {
	return ctx.db
		.select({
			id: practice.id,
			title: practice.title,
			language: practice.language,
			placeNames: practice.placeNames,
			status: practice.status,
			submittedAt: practice.submittedAt,
			updatedAt: practice.updatedAt
		})
		.from(practice)
		.where(inArray(practice.status, ['submitted', 'changes_requested']))
		.orderBy(sql`case ${practice.status} when 'submitted' then 0 else 1 end`, asc(practice.submittedAt), asc(practice.updatedAt));
}

/** A practice with every comment, as moderators read it (the link's hash stays inside). */
export async function practiceForModeration(ctx: Pick<Ctx, 'db'>, { practiceId }: { practiceId: string }) {
	const [row] = await ctx.db.select().from(practice).where(eq(practice.id, practiceId));
	if (!row) return null;
	const comments = await ctx.db
		.select({ id: practiceComment.id, authorEmail: practiceComment.authorEmail, body: practiceComment.body, toSubmitter: practiceComment.toSubmitter, createdAt: practiceComment.createdAt })
		.from(practiceComment)
		.where(eq(practiceComment.practiceId, practiceId))
		.orderBy(asc(practiceComment.createdAt));
	const { editTokenHash: _t, ...visible } = row;
	return { practice: visible, comments, files: await listFiles(ctx, { practiceId }) };
}

/** A practice's current values, as the moderators' edit form shows them. */
export async function practiceValues(
	ctx: Pick<Ctx, 'db'>,
	{ practiceId }: { practiceId: string }
): Promise<{ values: PracticeInput; status: typeof practice.$inferSelect.status; demo: boolean; origin: 'event' | 'submission' } | null> {
	const [row] = await ctx.db.select().from(practice).where(eq(practice.id, practiceId));
	if (!row) return null;
	return { values: { ...valuesOf(row, await placesOf(ctx.db, row.id)), origin: row.origin, demo: row.demo }, status: row.status, demo: row.demo, origin: row.origin };
}

/** The moderator's address, written on comments (only signed-in users moderate). */
const moderatorEmail = (ctx: Ctx) => userOf(ctx.actor)?.email ?? '';

/** An internal note for the other moderators (the city does not see it). */
export async function commentOnPractice({ ctx, practiceId, body }: { ctx: Ctx; practiceId: string; body: string }) {
	assertCanModerate(ctx.actor);
	await inTransaction(ctx, async (tx) => {
		const [row] = await tx.db.select({ id: practice.id }).from(practice).where(eq(practice.id, practiceId));
		if (!row) throw new DomainError('not_found', 'not_found');
		await tx.db.insert(practiceComment).values({ practiceId, authorEmail: moderatorEmail(tx), body, toSubmitter: false });
		await recordAudit(tx, { action: 'practice.commented', entity: 'practice', entityId: practiceId });
	});
}

/** Send the practice back to the city with a message and a new private link (the old one stops working). */
export async function requestChanges({ ctx, practiceId, message }: { ctx: Ctx; practiceId: string; message: string }) {
	assertCanModerate(ctx.actor);
	const link = issueLink();
	await inTransaction(ctx, async (tx) => {
		const [row] = await tx.db.select().from(practice).where(eq(practice.id, practiceId)).for('update');
		if (!row) throw new DomainError('not_found', 'not_found');
		const status = transition(row.status, 'requestChanges');
		await tx.db.update(practice).set({ status, editTokenHash: link.hash, updatedAt: sql`now()` }).where(eq(practice.id, practiceId));
		await tx.db.insert(practiceComment).values({ practiceId, authorEmail: moderatorEmail(tx), body: message, toSubmitter: true });
		const [{ round }] = await tx.db
			.select({ round: sql<number>`count(*)::int` })
			.from(practiceComment)
			.where(and(eq(practiceComment.practiceId, practiceId), eq(practiceComment.toSubmitter, true)));
		// The new link opens in the language the city wrote to us in.
		const locale = mailLocale(row.submitterLocale);
		await enqueueMail(tx, changesRequestedMail(tx, { to: row.contactEmail, name: row.contactName, title: row.title, token: link.token, message, locale, practiceId, round }));
		await recordAudit(tx, { action: 'practice.changes_requested', entity: 'practice', entityId: practiceId, details: { slug: row.slug } });
	});
}

/** Publish a submitted practice: first version in its history, the city told by mail. */
export async function publishSubmission({ ctx, practiceId }: { ctx: Ctx; practiceId: string }) {
	assertCanModerate(ctx.actor);
	return inTransaction(ctx, async (tx) => {
		const [row] = await tx.db.select().from(practice).where(eq(practice.id, practiceId)).for('update');
		if (!row) throw new DomainError('not_found', 'not_found');
		transition(row.status, 'publish');
		// Nothing a city uploaded becomes public before a moderator has looked at it.
		if (filesAwaitingReview(await listFiles(tx, { practiceId })) > 0) throw new DomainError('invalid', 'file_unreviewed');
		// The private link stops working once the practice is public: changes go through moderators.
		await tx.db.update(practice).set({ editTokenHash: null }).where(eq(practice.id, practiceId));
		const published = await publishInTx(tx, practiceId, '');
		const locale = mailLocale(row.submitterLocale);
		await enqueueMail(tx, practicePublishedMail(tx, { to: row.contactEmail, name: row.contactName, title: row.title, slug: row.slug, locale, practiceId, version: published.version }));
		return published;
	});
}

/** Approve one file of a practice: it becomes public with the practice (audited). */
export async function approvePracticeFile({ ctx, practiceId, fileId }: { ctx: Ctx; practiceId: string; fileId: string }) {
	assertCanModerate(ctx.actor);
	await inTransaction(ctx, async (tx) => {
		const [row] = await tx.db
			.update(practiceFile)
			.set({ review: 'approved' })
			.where(and(eq(practiceFile.id, fileId), eq(practiceFile.practiceId, practiceId)))
			.returning({ name: practiceFile.originalName, sha256: practiceFile.sha256 });
		if (!row) throw new DomainError('not_found', 'not_found');
		await recordAudit(tx, { action: 'practice.file_approved', entity: 'practice', entityId: practiceId, details: { fileId, name: row.name, sha256: row.sha256 } });
	});
}

/** Remove one file of a practice for good (its bytes too), audited. */
export async function removePracticeFile({ ctx, practiceId, fileId }: { ctx: Ctx; practiceId: string; fileId: string }) {
	assertCanModerate(ctx.actor);
	const removed = await inTransaction(ctx, async (tx) => {
		const row = await deleteFileRow(tx, { practiceId, fileId });
		await recordAudit(tx, { action: 'practice.file_removed', entity: 'practice', entityId: practiceId, details: { fileId, name: row.originalName } });
		return row;
	});
	// The bytes go once the row is gone for good, so a rolled-back removal keeps a file that works.
	await discardBytes(ctx, removed.storedPath);
}

/** A file as its moderator previews it, whatever its review state (organisers only). */
export async function fileForModeration(ctx: Ctx, { practiceId, fileId }: { practiceId: string; fileId: string }) {
	assertCanModerate(ctx.actor);
	return storedFile(ctx, { practiceId, fileId });
}
