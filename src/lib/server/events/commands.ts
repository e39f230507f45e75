import { and, eq, sql } from 'drizzle-orm';
import { DomainError, inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { assertCanManageEvent, isValidCapacity } from './rules.ts';
import { zonedWallTimeToUtc } from '../../time.ts';
import type { LocalizedText, Locale } from '../../i18n/localized.ts';
import { axis, event, eventSession } from './schema.ts';
import { networkUnit } from '../networks/schema.ts';
import type { AxisInput, EventSettingsInput, EventTextsInput, SessionInput } from './input.ts';

/** Set one language of a localized text; an empty non-Spanish text removes that translation. */
function withLocale(current: LocalizedText, locale: Locale, value: string): LocalizedText {
	const next = { ...current };
	if (locale !== 'es' && value === '') delete next[locale];
	else next[locale] = value;
	return next;
}

/** Set one language of a text that may be absent in every language (empty removes it). */
function withOptionalLocale(current: Partial<LocalizedText>, locale: Locale, value: string): Partial<LocalizedText> {
	const next = { ...current };
	if (value === '') delete next[locale];
	else next[locale] = value;
	return next;
}

async function loadEvent(ctx: Ctx, eventId: string) {
	const [row] = await ctx.db.select().from(event).where(eq(event.id, eventId)).for('update');
	if (!row) throw new DomainError('not_found', 'not_found');
	return row;
}

export async function updateEventTexts({ ctx, eventId, input }: { ctx: Ctx; eventId: string; input: EventTextsInput }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const current = await loadEvent(tx, eventId);
		const fields = ['title', 'summary', 'background', 'objective', 'format'] as const;
		const changed = fields.filter((f) => (current[f][input.locale] ?? '') !== input[f]);
		if (changed.length === 0) return;
		const patch: Partial<Record<(typeof fields)[number], LocalizedText>> = {};
		for (const f of changed) patch[f] = withLocale(current[f], input.locale, input[f]);
		await tx.db.update(event).set({ ...patch, updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, {
			action: 'event.texts_updated',
			entity: 'event',
			entityId: eventId,
			details: { locale: input.locale, fields: changed }
		});
	});
}

export async function updateEventSettings({
	ctx,
	eventId,
	input
}: {
	ctx: Ctx;
	eventId: string;
	input: EventSettingsInput;
}) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const current = await loadEvent(tx, eventId);
		if (input.unitId !== null) {
			const [unit] = await tx.db
				.select({ id: networkUnit.id })
				.from(networkUnit)
				.where(and(eq(networkUnit.id, input.unitId), eq(networkUnit.networkId, current.networkId)));
			if (!unit) throw new DomainError('invalid', 'invalid');
		}
		const changes = Object.fromEntries(
			(Object.keys(input) as (keyof EventSettingsInput)[])
				.filter((k) => current[k] !== input[k])
				.map((k) => [k, { from: current[k], to: input[k] }])
		);
		if (Object.keys(changes).length === 0) return;
		await tx.db.update(event).set({ ...input, updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, { action: 'event.settings_updated', entity: 'event', entityId: eventId, details: changes });
	});
}

export async function addAxis({ ctx, eventId, input }: { ctx: Ctx; eventId: string; input: AxisInput }) {
	assertCanManageEvent(ctx, eventId);
	if (input.name === '') throw new DomainError('invalid', 'required');
	return inTransaction(ctx, async (tx) => {
		await loadEvent(tx, eventId);
		const [{ next }] = await tx.db
			.select({ next: sql<number>`coalesce(max(${axis.position}), 0)::int + 1` })
			.from(axis)
			.where(eq(axis.eventId, eventId));
		const name: LocalizedText = { es: input.name, [input.locale]: input.name };
		const description: LocalizedText = { es: input.description, [input.locale]: input.description };
		const [row] = await tx.db
			.insert(axis)
			.values({ eventId, position: next, slug: `axis-${next}`, name, description })
			.returning({ id: axis.id });
		await recordAudit(tx, {
			action: 'axis.added',
			entity: 'axis',
			entityId: row.id,
			details: { eventId, name: input.name, locale: input.locale }
		});
		return row.id;
	});
}

export async function updateAxis({ ctx, eventId, axisId, input }: { ctx: Ctx; eventId: string; axisId: string; input: AxisInput }) {
	assertCanManageEvent(ctx, eventId);
	if (input.locale === 'es' && input.name === '') throw new DomainError('invalid', 'required');
	await inTransaction(ctx, async (tx) => {
		const [current] = await tx.db
			.select()
			.from(axis)
			.where(and(eq(axis.id, axisId), eq(axis.eventId, eventId)))
			.for('update');
		if (!current) throw new DomainError('not_found', 'not_found');
		await tx.db
			.update(axis)
			.set({
				name: withLocale(current.name, input.locale, input.name),
				description: withLocale(current.description, input.locale, input.description),
				conclusions: withOptionalLocale(current.conclusions, input.locale, input.conclusions),
				moderator: input.moderator
			})
			.where(eq(axis.id, axisId));
		await tx.db.update(event).set({ updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, {
			action: 'axis.updated',
			entity: 'axis',
			entityId: axisId,
			details: {
				eventId,
				locale: input.locale,
				from: current.name[input.locale] ?? null,
				to: input.name,
				conclusionsChanged: (current.conclusions[input.locale] ?? '') !== input.conclusions
			}
		});
	});
}

export async function removeAxis({ ctx, eventId, axisId }: { ctx: Ctx; eventId: string; axisId: string }) {
	assertCanManageEvent(ctx, eventId);
	await inTransaction(ctx, async (tx) => {
		const deleted = await tx.db
			.delete(axis)
			.where(and(eq(axis.id, axisId), eq(axis.eventId, eventId)))
			.returning({ name: axis.name });
		if (deleted.length === 0) throw new DomainError('not_found', 'not_found');
		await recordAudit(tx, {
			action: 'axis.removed',
			entity: 'axis',
			entityId: axisId,
			details: { eventId, name: deleted[0].name.es }
		});
	});
}

function sessionTimes(input: SessionInput, timeZone: string) {
	const startsAt = zonedWallTimeToUtc(input.date, input.startTime, timeZone);
	const endsAt = zonedWallTimeToUtc(input.date, input.endTime, timeZone);
	if (!startsAt || !endsAt) throw new DomainError('invalid', 'date');
	if (endsAt <= startsAt) throw new DomainError('invalid', 'end_before_start');
	return { startsAt, endsAt };
}

export async function addSession({ ctx, eventId, input }: { ctx: Ctx; eventId: string; input: SessionInput }) {
	assertCanManageEvent(ctx, eventId);
	return inTransaction(ctx, async (tx) => {
		const current = await loadEvent(tx, eventId);
		const { startsAt, endsAt } = sessionTimes(input, current.timeZone);
		const [{ next }] = await tx.db
			.select({ next: sql<number>`coalesce(max(${eventSession.position}), 0)::int + 1` })
			.from(eventSession)
			.where(eq(eventSession.eventId, eventId));
		const title: LocalizedText = { es: input.title, [input.locale]: input.title };
		const [row] = await tx.db
			.insert(eventSession)
			.values({
				eventId,
				position: next,
				title,
				startsAt,
				endsAt,
				joinUrl: input.joinUrl || null,
				recordingUrl: input.recordingUrl || null
			})
			.returning({ id: eventSession.id });
		await tx.db.update(event).set({ updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, {
			action: 'session.added',
			entity: 'session',
			entityId: row.id,
			details: { eventId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() }
		});
		return row.id;
	});
}

/** What a session was and is, for the registrations domain to tell its registrants. */
export interface SessionChange {
	sessionId: string;
	eventId: string;
	title: LocalizedText;
	before: { startsAt: Date; endsAt: Date; joinUrl: string | null };
	after: { startsAt: Date; endsAt: Date; joinUrl: string | null };
	timeChanged: boolean;
	joinUrlChanged: boolean;
	/** The calendar SEQUENCE after the change (up by one when the time or the join link changed). */
	sequence: number;
}

/**
 * An organiser edits a session. A change of its time or join link raises its calendar SEQUENCE
 * (the UID stays), so calendar apps update the entry; the registrations domain calls this
 * through changeSession and tells the people registered.
 */
export async function updateSession({
	ctx,
	eventId,
	sessionId,
	input
}: {
	ctx: Ctx;
	eventId: string;
	sessionId: string;
	input: SessionInput;
}): Promise<SessionChange> {
	assertCanManageEvent(ctx, eventId);
	return inTransaction(ctx, async (tx) => {
		const current = await loadEvent(tx, eventId);
		const { startsAt, endsAt } = sessionTimes(input, current.timeZone);
		const [before] = await tx.db
			.select()
			.from(eventSession)
			.where(and(eq(eventSession.id, sessionId), eq(eventSession.eventId, eventId)))
			.for('update');
		if (!before) throw new DomainError('not_found', 'not_found');
		const joinUrl = input.joinUrl || null;
		const timeChanged = before.startsAt.getTime() !== startsAt.getTime() || before.endsAt.getTime() !== endsAt.getTime();
		const joinUrlChanged = (before.joinUrl ?? null) !== joinUrl;
		const sequence = before.sequence + (timeChanged || joinUrlChanged ? 1 : 0);
		const title = withLocale(before.title, input.locale, input.title || (input.locale === 'es' ? before.title.es : ''));
		await tx.db
			.update(eventSession)
			.set({ title, startsAt, endsAt, joinUrl, recordingUrl: input.recordingUrl || null, sequence, updatedAt: sql`now()` })
			.where(eq(eventSession.id, sessionId));
		await tx.db.update(event).set({ updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, {
			action: 'session.updated',
			entity: 'session',
			entityId: sessionId,
			details: {
				eventId,
				startsAt: { from: before.startsAt.toISOString(), to: startsAt.toISOString() },
				endsAt: { from: before.endsAt.toISOString(), to: endsAt.toISOString() },
				joinUrlChanged,
				sequence
			}
		});
		return {
			sessionId,
			eventId,
			title,
			before: { startsAt: before.startsAt, endsAt: before.endsAt, joinUrl: before.joinUrl },
			after: { startsAt, endsAt, joinUrl },
			timeChanged,
			joinUrlChanged,
			sequence
		};
	});
}

/**
 * An organiser removes a session; its registrants' places in it go with it (cascade), their
 * registrations stay. The registrations domain calls this through cancelSession, after it
 * wrote the mails, in the same transaction.
 */
export async function removeSession({ ctx, eventId, sessionId }: { ctx: Ctx; eventId: string; sessionId: string }) {
	assertCanManageEvent(ctx, eventId);
	return inTransaction(ctx, async (tx) => {
		const deleted = await tx.db
			.delete(eventSession)
			.where(and(eq(eventSession.id, sessionId), eq(eventSession.eventId, eventId)))
			.returning({ startsAt: eventSession.startsAt, endsAt: eventSession.endsAt, title: eventSession.title });
		if (deleted.length === 0) throw new DomainError('not_found', 'not_found');
		await tx.db.update(event).set({ updatedAt: sql`now()` }).where(eq(event.id, eventId));
		await recordAudit(tx, {
			action: 'session.removed',
			entity: 'session',
			entityId: sessionId,
			details: { eventId, startsAt: deleted[0].startsAt.toISOString() }
		});
		return deleted[0];
	});
}

/**
 * An organiser sets a session's capacity (null: no limit). The registrations domain calls this
 * and then moves its waiting list; run inside its transaction, both commit together.
 */
export async function setSessionCapacity({
	ctx,
	eventId,
	sessionId,
	capacity
}: {
	ctx: Ctx;
	eventId: string;
	sessionId: string;
	capacity: number | null;
}): Promise<{ previous: number | null }> {
	assertCanManageEvent(ctx, eventId);
	if (!isValidCapacity(capacity)) throw new DomainError('invalid', 'capacity');
	return inTransaction(ctx, async (tx) => {
		const [before] = await tx.db
			.select({ capacity: eventSession.capacity })
			.from(eventSession)
			.where(and(eq(eventSession.id, sessionId), eq(eventSession.eventId, eventId)))
			.for('update');
		if (!before) throw new DomainError('not_found', 'not_found');
		await tx.db.update(eventSession).set({ capacity, updatedAt: sql`now()` }).where(eq(eventSession.id, sessionId));
		await recordAudit(tx, {
			action: 'session.capacity_set',
			entity: 'session',
			entityId: sessionId,
			details: { eventId, from: before.capacity, to: capacity }
		});
		return { previous: before.capacity };
	});
}
