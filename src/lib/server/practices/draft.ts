import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { asActor, inTransaction } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { auditLog } from '../audit/schema.ts';
import { installationOrganiserEmails } from '../auth/index.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { assertEditable, canEditDraft, issueLink, requireLink, resolveLink, transition } from '../private-links/workflow.ts';
import { attachFile, listFiles, removeFile } from './files.ts';
import { practiceSubmittedMail, submissionLinkMail } from './mails.ts';
import { missingForReview } from './rules.ts';
import { practice, practiceComment } from './schema.ts';
import { linkPlaces, placesOf, rowValues, slugify, uniqueSlug, valuesOf, type PracticeInput } from './write.ts';

/**
 * A city submits a practice without an account: a draft behind a private link (sent by mail),
 * filled in steps, previewed, then sent for review (see private-links/workflow.ts). Whoever
 * holds the link acts as the draft's submitter.
 */

/** What a draft holds, as the form steps read and write it. */
export type DraftValues = PracticeInput;

const submitter = (ctx: Ctx, practiceId: string) => asActor(ctx, { kind: 'submitter', practiceId });

/** The draft row behind a link (locked when the caller writes). */
const draftRow = (ctx: Ctx, token: string, forUpdate = false) =>
	requireLink(token, async (hash) => {
		const q = ctx.db.select().from(practice).where(eq(practice.editTokenHash, hash));
		const [row] = await (forUpdate ? q.for('update') : q);
		return row;
	});

/** Start a draft with its first step; the private link goes out by mail in the same transaction. */
export async function startSubmission({ ctx, input }: { ctx: Ctx; input: DraftValues }): Promise<{ token: string; practiceId: string }> {
	const link = issueLink();
	return inTransaction(ctx, async (tx) => {
		const { places, values } = await rowValues(tx.db, { ...input, origin: 'submission', demo: false, eventId: null });
		const slug = await uniqueSlug(tx.db, slugify(input.title));
		const [row] = await tx.db
			.insert(practice)
			.values({ ...values, slug, status: 'draft', editTokenHash: link.hash, submitterLocale: ctx.locale })
			.returning({ id: practice.id });
		await linkPlaces(tx.db, row.id, places.map((p) => p.id));
		const mail = submissionLinkMail(tx, { to: input.contactEmail, name: input.contactName, title: input.title, token: link.token, locale: ctx.locale, practiceId: row.id, round: 0 });
		await enqueueMail(submitter(tx, row.id), mail);
		return { token: link.token, practiceId: row.id };
	});
}

/** The draft behind a private link (null for an unknown or revoked link). */
export async function draftByToken(ctx: Pick<Ctx, 'db'>, token: string) {
	const row = await resolveLink(token, async (hash) => (await ctx.db.select().from(practice).where(eq(practice.editTokenHash, hash)))[0]);
	if (!row) return null;
	const comments = await ctx.db
		.select({ body: practiceComment.body, createdAt: practiceComment.createdAt })
		.from(practiceComment)
		.where(and(eq(practiceComment.practiceId, row.id), eq(practiceComment.toSubmitter, true)))
		.orderBy(desc(practiceComment.createdAt));
	return {
		row,
		values: valuesOf(row, await placesOf(ctx.db, row.id)),
		comments,
		files: await listFiles(ctx, { practiceId: row.id }),
		editable: canEditDraft(row.status)
	};
}
export type Draft = NonNullable<Awaited<ReturnType<typeof draftByToken>>>;

async function editableDraftId(ctx: Ctx, token: string): Promise<string> {
	const row = await draftRow(ctx, token);
	assertEditable(row.status);
	return row.id;
}

/** Attach a slide deck, a document or a photo (with its alt text) to the draft (checked by content and size). */
export async function attachFileToDraft({ ctx, token, name, bytes, alt }: { ctx: Ctx; token: string; name: string; bytes: Uint8Array; alt?: string }) {
	const practiceId = await editableDraftId(ctx, token);
	return attachFile({ ctx: submitter(ctx, practiceId), practiceId, name, bytes, alt });
}

export async function removeFileFromDraft({ ctx, token, fileId }: { ctx: Ctx; token: string; fileId: string }) {
	const practiceId = await editableDraftId(ctx, token);
	await removeFile({ ctx: submitter(ctx, practiceId), practiceId, fileId });
}

/** Save one step: the new values replace the step's fields; the rest of the draft stays. */
export async function saveDraft({ ctx, token, change }: { ctx: Ctx; token: string; change: Partial<DraftValues> }): Promise<void> {
	await inTransaction(ctx, async (tx) => {
		const row = await draftRow(tx, token, true);
		assertEditable(row.status);
		const current = valuesOf(row, await placesOf(tx.db, row.id));
		const next = { ...current, ...change, texts: { ...current.texts, ...change.texts } };
		const { places, values } = await rowValues(tx.db, { ...next, origin: 'submission', demo: false, eventId: row.eventId });
		await tx.db.update(practice).set({ ...values, updatedAt: sql`now()` }).where(eq(practice.id, row.id));
		await linkPlaces(tx.db, row.id, places.map((p) => p.id));
	});
}

/**
 * Send a complete draft for review; the organisers who moderate the repository are told by
 * mail (in the same transaction, so the notice and the state change go together).
 */
export async function submitForReview({ ctx, token }: { ctx: Ctx; token: string }): Promise<{ missing: string[] }> {
	return inTransaction(ctx, async (tx) => {
		const row = await draftRow(tx, token, true);
		const status = transition(row.status, 'submit');
		const missing = missingForReview(valuesOf(row, await placesOf(tx.db, row.id)));
		if (missing.length) return { missing };
		const as = submitter(tx, row.id);
		await tx.db.update(practice).set({ status, submittedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(practice.id, row.id));
		await recordAudit(as, { action: 'practice.submitted', entity: 'practice', entityId: row.id, details: { slug: row.slug } });
		const [{ round }] = await tx.db
			.select({ round: sql<number>`count(*)::int` })
			.from(auditLog)
			.where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'practice.submitted')));
		for (const to of await installationOrganiserEmails(tx)) {
			await enqueueMail(as, practiceSubmittedMail(tx, { to, title: row.title, practiceId: row.id, round }));
		}
		return { missing: [] };
	});
}

