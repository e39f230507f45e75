import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/log.ts';
import { auditLog } from '../audit/schema.ts';
import { installationOrganiserEmails } from '../auth/roles.ts';
import { enqueueMail, type MailMessage } from '../mail/outbox.ts';
import { canModeratePractices } from './rules.ts';
import { linkPlaces, publishInTx, rowValues, slugify, uniqueSlug, type PracticeInput } from './commands.ts';
import { PRACTICE_TEXT_FIELDS, place, practice, practiceComment, practicePlace, type PracticeTextField } from './schema.ts';
import { attachFile, listFiles, removeFile } from './files.ts';

/**
 * A city submits a practice without an account: a draft behind a private link (sent by mail),
 * filled in steps, previewed, then sent for review. Moderators (organisers) publish it, ask
 * for changes (with a new link) or archive it. Every moderator action is audited.
 */

export type Delivery = 'smtp' | 'outbox-only';
const EDITABLE = ['draft', 'changes_requested'] as const;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(24).toString('base64url');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

/** What a draft holds, as the form steps read and write it. */
export type DraftValues = PracticeInput;

async function placesOf(db: Db, practiceId: string): Promise<number[]> {
	const rows = await db
		.select({ geonamesId: place.geonamesId })
		.from(practicePlace)
		.innerJoin(place, eq(place.id, practicePlace.placeId))
		.where(eq(practicePlace.practiceId, practiceId))
		.orderBy(asc(practicePlace.position));
	return rows.map((r) => r.geonamesId).filter((id): id is number => id !== null);
}

function valuesOf(row: typeof practice.$inferSelect, geonamesIds: number[]): DraftValues {
	return {
		slug: row.slug,
		language: row.language,
		title: row.title,
		summary: row.summary,
		texts: Object.fromEntries(PRACTICE_TEXT_FIELDS.map((f) => [f, row[f]])) as Record<PracticeTextField, string>,
		geonamesIds,
		axes: row.axes,
		articulation: row.articulation,
		startYear: row.startYear,
		endYear: row.endYear,
		ongoing: row.ongoing,
		sdgs: row.sdgs,
		tags: row.tags,
		sources: row.sources,
		links: row.links,
		contactName: row.contactName,
		contactEmail: row.contactEmail,
		contactPublic: row.contactPublic,
		licence: row.licence,
		origin: 'submission',
		eventId: row.eventId,
		demo: false
	};
}

/** Start a draft with its first step; the private link goes out by mail in the same transaction. */
export async function startSubmission({
	db,
	input,
	locale,
	delivery,
	linkFor,
	mail
}: {
	db: Db;
	input: DraftValues;
	locale: 'es' | 'pt' | 'en';
	delivery: Delivery;
	linkFor: (token: string) => string;
	mail: (params: { to: string; name: string; title: string; url: string; practiceId: string; round: number }) => MailMessage;
}): Promise<{ token: string; practiceId: string }> {
	const token = newToken();
	return db.transaction(async (tx) => {
		const { places, values } = await rowValues(tx, { ...input, origin: 'submission', demo: false, eventId: null });
		const slug = await uniqueSlug(tx, slugify(input.title));
		const [row] = await tx
			.insert(practice)
			.values({ ...values, slug, status: 'draft', editTokenHash: hashToken(token), submitterLocale: locale })
			.returning({ id: practice.id });
		await linkPlaces(tx, row.id, places.map((p) => p.id));
		await enqueueMail(tx, mail({ to: input.contactEmail, name: input.contactName, title: input.title, url: linkFor(token), practiceId: row.id, round: 0 }), delivery);
		return { token, practiceId: row.id };
	});
}

/** The draft behind a private link (null for an unknown or revoked link). */
export async function draftByToken(db: Db, token: string) {
	if (!TOKEN_SHAPE.test(token)) return null;
	const [row] = await db.select().from(practice).where(eq(practice.editTokenHash, hashToken(token)));
	if (!row) return null;
	const comments = await db
		.select({ body: practiceComment.body, createdAt: practiceComment.createdAt })
		.from(practiceComment)
		.where(and(eq(practiceComment.practiceId, row.id), eq(practiceComment.toSubmitter, true)))
		.orderBy(desc(practiceComment.createdAt));
	return {
		row,
		values: valuesOf(row, await placesOf(db, row.id)),
		comments,
		files: await listFiles(db, row.id),
		editable: (EDITABLE as readonly string[]).includes(row.status)
	};
}

async function editableDraftId(db: Db, token: string): Promise<string> {
	if (!TOKEN_SHAPE.test(token)) throw new DomainError('not_found', 'not_found');
	const [row] = await db.select({ id: practice.id, status: practice.status }).from(practice).where(eq(practice.editTokenHash, hashToken(token)));
	if (!row) throw new DomainError('not_found', 'not_found');
	if (!(EDITABLE as readonly string[]).includes(row.status)) throw new DomainError('conflict', 'not_editable');
	return row.id;
}

/** Attach a slide deck or document to the draft (checked by content and size). */
export async function attachFileToDraft({ db, token, name, bytes, dataDir }: { db: Db; token: string; name: string; bytes: Uint8Array; dataDir: string }) {
	return attachFile({ db, practiceId: await editableDraftId(db, token), name, bytes, dataDir });
}

export async function removeFileFromDraft({ db, token, fileId, dataDir }: { db: Db; token: string; fileId: string; dataDir: string }) {
	await removeFile({ db, practiceId: await editableDraftId(db, token), fileId, dataDir });
}
export type Draft = NonNullable<Awaited<ReturnType<typeof draftByToken>>>;

/** Save one step: the new values replace the step's fields; the rest of the draft stays. */
export async function saveDraft({ db, token, change }: { db: Db; token: string; change: Partial<DraftValues> }): Promise<void> {
	await db.transaction(async (tx) => {
		const [row] = await tx.select().from(practice).where(eq(practice.editTokenHash, hashToken(token))).for('update');
		if (!row) throw new DomainError('not_found', 'not_found');
		if (!(EDITABLE as readonly string[]).includes(row.status)) throw new DomainError('conflict', 'not_editable');
		const current = valuesOf(row, await placesOf(tx, row.id));
		const next = { ...current, ...change, texts: { ...current.texts, ...change.texts } };
		const { places, values } = await rowValues(tx, { ...next, origin: 'submission', demo: false, eventId: row.eventId });
		await tx.update(practice).set({ ...values, updatedAt: sql`now()` }).where(eq(practice.id, row.id));
		await linkPlaces(tx, row.id, places.map((p) => p.id));
	});
}

/** What a practice needs before review: the fields a practitioner cannot do without. */
export function missingForReview(values: DraftValues): string[] {
	const missing: string[] = [];
	if (values.geonamesIds.length === 0) missing.push('places');
	if (values.axes.length === 0) missing.push('axes');
	if (values.startYear === null) missing.push('startYear');
	for (const f of ['context', 'actions', 'results', 'lessons'] as const) if (values.texts[f].trim() === '') missing.push(f);
	return missing;
}

/**
 * Send a complete draft for review; the organisers who moderate the repository are told by
 * mail (in the same transaction, so the notice and the state change go together).
 */
export async function submitForReview({
	db,
	token,
	delivery,
	notify
}: {
	db: Db;
	token: string;
	delivery?: Delivery;
	notify?: (params: { to: string; title: string; practiceId: string; round: number }) => MailMessage;
}): Promise<{ missing: string[] }> {
	return db.transaction(async (tx) => {
		const [row] = await tx.select().from(practice).where(eq(practice.editTokenHash, hashToken(token))).for('update');
		if (!row) throw new DomainError('not_found', 'not_found');
		if (!(EDITABLE as readonly string[]).includes(row.status)) throw new DomainError('conflict', 'not_editable');
		const missing = missingForReview(valuesOf(row, await placesOf(tx, row.id)));
		if (missing.length) return { missing };
		await tx.update(practice).set({ status: 'submitted', submittedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(practice.id, row.id));
		await recordAudit(tx, null, { action: 'practice.submitted', entity: 'practice', entityId: row.id, details: { slug: row.slug } });
		if (notify && delivery) {
			const [{ round }] = await tx
				.select({ round: sql<number>`count(*)::int` })
				.from(auditLog)
				.where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'practice.submitted')));
			for (const to of await installationOrganiserEmails(tx)) {
				await enqueueMail(tx, notify({ to, title: row.title, practiceId: row.id, round }), delivery);
			}
		}
		return { missing: [] };
	});
}

/** The moderators' queue: submitted practices first (oldest first), then those waiting for the city. */
export async function moderationQueue(db: Db) {
	return db
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

export async function practiceForModeration(db: Db, practiceId: string) {
	const [row] = await db.select().from(practice).where(eq(practice.id, practiceId));
	if (!row) return null;
	const comments = await db
		.select({ id: practiceComment.id, authorEmail: practiceComment.authorEmail, body: practiceComment.body, toSubmitter: practiceComment.toSubmitter, createdAt: practiceComment.createdAt })
		.from(practiceComment)
		.where(eq(practiceComment.practiceId, practiceId))
		.orderBy(asc(practiceComment.createdAt));
	const { editTokenHash: _t, ...visible } = row;
	return { practice: visible, comments };
}

function assertModerator(ctx: Ctx) {
	if (!canModeratePractices(ctx.actor)) throw new DomainError('forbidden', 'forbidden');
}

export async function commentOnPractice({ ctx, practiceId, body }: { ctx: Ctx; practiceId: string; body: string }) {
	assertModerator(ctx);
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx.select({ id: practice.id }).from(practice).where(eq(practice.id, practiceId));
		if (!row) throw new DomainError('not_found', 'not_found');
		await tx.insert(practiceComment).values({ practiceId, authorEmail: ctx.actor!.email, body, toSubmitter: false });
		await recordAudit(tx, ctx.actor, { action: 'practice.commented', entity: 'practice', entityId: practiceId });
	});
}

/** Send the practice back to the city with a message and a new private link (the old one stops working). */
export async function requestChanges({
	ctx,
	practiceId,
	message,
	delivery,
	linkFor,
	mail
}: {
	ctx: Ctx;
	practiceId: string;
	message: string;
	delivery: Delivery;
	linkFor: (token: string, locale: 'es' | 'pt' | 'en') => string;
	mail: (params: { to: string; name: string; title: string; url: string; message: string; locale: 'es' | 'pt' | 'en'; practiceId: string; round: number }) => MailMessage;
}) {
	assertModerator(ctx);
	const token = newToken();
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx.select().from(practice).where(eq(practice.id, practiceId)).for('update');
		if (!row) throw new DomainError('not_found', 'not_found');
		if (row.status !== 'submitted') throw new DomainError('conflict', 'not_submitted');
		await tx.update(practice).set({ status: 'changes_requested', editTokenHash: hashToken(token), updatedAt: sql`now()` }).where(eq(practice.id, practiceId));
		await tx.insert(practiceComment).values({ practiceId, authorEmail: ctx.actor!.email, body: message, toSubmitter: true });
		const [{ round }] = await tx.select({ round: sql<number>`count(*)::int` }).from(practiceComment).where(and(eq(practiceComment.practiceId, practiceId), eq(practiceComment.toSubmitter, true)));
		const locale = (['es', 'pt', 'en'].includes(row.submitterLocale) ? row.submitterLocale : 'es') as 'es' | 'pt' | 'en';
		await enqueueMail(tx, mail({ to: row.contactEmail, name: row.contactName, title: row.title, url: linkFor(token, locale), message, locale, practiceId, round }), delivery);
		await recordAudit(tx, ctx.actor, { action: 'practice.changes_requested', entity: 'practice', entityId: practiceId, details: { slug: row.slug } });
	});
}

/** Publish a submitted practice: first version in its history, the city told by mail. */
export async function publishSubmission({
	ctx,
	practiceId,
	delivery,
	mail
}: {
	ctx: Ctx;
	practiceId: string;
	delivery: Delivery;
	mail: (params: { to: string; name: string; title: string; slug: string; locale: 'es' | 'pt' | 'en'; practiceId: string; version: number }) => MailMessage;
}) {
	assertModerator(ctx);
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx.select().from(practice).where(eq(practice.id, practiceId)).for('update');
		if (!row) throw new DomainError('not_found', 'not_found');
		if (row.status !== 'submitted') throw new DomainError('conflict', 'not_submitted');
		// The private link stops working once the practice is public: changes go through moderators.
		await tx.update(practice).set({ editTokenHash: null }).where(eq(practice.id, practiceId));
		const published = await publishInTx(tx, ctx, practiceId, '');
		const locale = (['es', 'pt', 'en'].includes(row.submitterLocale) ? row.submitterLocale : 'es') as 'es' | 'pt' | 'en';
		await enqueueMail(
			tx,
			mail({ to: row.contactEmail, name: row.contactName, title: row.title, slug: row.slug, locale, practiceId, version: published.version }),
			delivery
		);
		return published;
	});
}

/** A practice's current values, as the moderators' edit form shows them. */
export async function practiceValues(db: Db, practiceId: string): Promise<{ values: DraftValues; status: string; demo: boolean; origin: 'event' | 'submission' } | null> {
	const [row] = await db.select().from(practice).where(eq(practice.id, practiceId));
	if (!row) return null;
	return { values: { ...valuesOf(row, await placesOf(db, row.id)), origin: row.origin, demo: row.demo }, status: row.status, demo: row.demo, origin: row.origin };
}
