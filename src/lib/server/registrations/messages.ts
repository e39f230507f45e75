import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError, inTransaction, userOf } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { assertCanManageEvent } from '../auth/index.ts';
import { batchDelivery, enqueueMail } from '../mail/outbox.ts';
import { event, eventSession } from '../events/schema.ts';
import { hasAttended } from '../attendance/index.ts';
import { LOCALES, type Locale } from '../../i18n/localized.ts';
import { bulkMessage, registration, registrationSession, registrationSettings, type BulkAudience } from './schema.ts';
import { bulkMail } from './mails.ts';

/** A message's subject and body in one language. */
export interface BulkText {
	subject: string;
	body: string;
}

export interface BulkInput {
	sessionId: string | null;
	audience: BulkAudience;
	/** Spanish is required; Portuguese and English are optional (their readers then get Spanish). */
	texts: { es: BulkText } & Partial<Record<Locale, BulkText>>;
}

/** The language a registrant's mail is written in: theirs when the organiser wrote it, else Spanish. */
export function bulkLanguageFor(texts: BulkInput['texts'], locale: string): Locale {
	return (LOCALES as readonly string[]).includes(locale) && texts[locale as Locale] ? (locale as Locale) : 'es';
}

/** The people an audience names: who attended, or did not attend, is decided per session (attendance's rule). */
async function attendanceOf(tx: Ctx, eventId: string, sessionId: string | null) {
	const rows = await tx.db
		.select({
			registrationId: registrationSession.registrationId,
			startsAt: eventSession.startsAt,
			endsAt: eventSession.endsAt,
			checkedInAt: registrationSession.checkedInAt,
			minutes: registrationSession.attendedMinutes,
			minPercent: registrationSettings.minAttendancePercent
		})
		.from(registrationSession)
		.innerJoin(eventSession, eq(eventSession.id, registrationSession.sessionId))
		.innerJoin(registration, eq(registration.id, registrationSession.registrationId))
		.leftJoin(registrationSettings, eq(registrationSettings.eventId, eventSession.eventId))
		.where(
			and(
				eq(eventSession.eventId, eventId),
				eq(registration.status, 'confirmed'),
				eq(registrationSession.state, 'seat'),
				sessionId ? eq(registrationSession.sessionId, sessionId) : undefined
			)
		);
	return rows;
}

/**
 * Write to the registrants of a session (or of every session): one mail per person in their
 * language (the organiser writes each language; Spanish when theirs was not written), with their
 * private link, all queued through the outbox as one batch whose delivery organisers follow.
 * "attended" and "not_attended" are for follow-ups: confirmed people with a seat who attended (at
 * least one of) the session(s), or who attended none of the session(s) that are over.
 */
export async function writeToRegistrants({ ctx, eventId, input, now = new Date() }: { ctx: Ctx; eventId: string; input: BulkInput; now?: Date }) {
	assertCanManageEvent(ctx, eventId);
	return inTransaction(ctx, async (tx) => {
		const [ev] = await tx.db.select({ title: event.title }).from(event).where(eq(event.id, eventId));
		if (!ev) throw new DomainError('not_found', 'not_found');
		if (input.sessionId) {
			const [s] = await tx.db.select({ id: eventSession.id }).from(eventSession).where(and(eq(eventSession.id, input.sessionId), eq(eventSession.eventId, eventId)));
			if (!s) throw new DomainError('not_found', 'not_found');
		}
		const byAttendance = input.audience === 'attended' || input.audience === 'not_attended';
		const statuses = input.audience === 'active' || input.audience === 'waitlist' ? (['pending', 'confirmed'] as const) : (['confirmed'] as const);
		const seatStates = input.audience === 'waitlist' ? (['waitlist'] as const) : input.audience === 'active' ? (['seat', 'waitlist'] as const) : (['seat'] as const);
		let chosen: Set<string> | null = null;
		if (byAttendance) {
			const attended = new Set<string>();
			const over = new Set<string>();
			for (const row of await attendanceOf(tx, eventId, input.sessionId)) {
				if (hasAttended(row, row.minPercent ?? 75)) attended.add(row.registrationId);
				if (row.endsAt <= now) over.add(row.registrationId);
			}
			chosen = input.audience === 'attended' ? attended : new Set([...over].filter((id) => !attended.has(id)));
		}
		const found = await tx.db
			.selectDistinct({ id: registration.id, email: registration.email, name: registration.name, locale: registration.locale, salt: registration.tokenSalt })
			.from(registration)
			.innerJoin(registrationSession, eq(registrationSession.registrationId, registration.id))
			.where(
				and(
					eq(registration.eventId, eventId),
					inArray(registration.status, [...statuses]),
					inArray(registrationSession.state, [...seatStates]),
					input.sessionId ? eq(registrationSession.sessionId, input.sessionId) : undefined
				)
			);
		const people = chosen ? found.filter((p) => chosen.has(p.id)) : found;
		if (people.length === 0) throw new DomainError('conflict', 'no_recipients');
		const [batch] = await tx.db
			.insert(bulkMessage)
			.values({ eventId, sessionId: input.sessionId, audience: input.audience, subject: input.texts.es.subject, body: input.texts.es.body, recipients: people.length, createdBy: userOf(ctx.actor)?.email ?? '' })
			.returning({ id: bulkMessage.id });
		const languages = LOCALES.filter((l) => input.texts[l]);
		for (const person of people) {
			// A reader whose language was not written gets the whole mail in Spanish (greeting included).
			const locale = bulkLanguageFor(input.texts, person.locale);
			const text = input.texts[locale]!;
			await enqueueMail(tx, bulkMail(ctx, { person: { ...person, locale }, eventTitle: ev.title, subject: text.subject, body: text.body, batchId: batch.id }));
		}
		await recordAudit(tx, {
			action: 'registrants.written',
			entity: 'event',
			entityId: eventId,
			details: { bulkMessageId: batch.id, sessionId: input.sessionId, audience: input.audience, recipients: people.length, languages }
		});
		return { id: batch.id, recipients: people.length };
	});
}

/** The messages written for an event, newest first, each with its delivery so far. */
export async function listBulkMessages(ctx: Ctx, eventId: string) {
	assertCanManageEvent(ctx, eventId);
	const rows = await ctx.db.select().from(bulkMessage).where(eq(bulkMessage.eventId, eventId)).orderBy(desc(bulkMessage.createdAt)).limit(50);
	return Promise.all(rows.map(async (r) => ({ ...r, delivery: await batchDelivery(ctx.db, r.id) })));
}
