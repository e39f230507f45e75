import { sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import type { LocalizedText, Locale } from '../../i18n/localized.ts';
import { axis, event, eventSession, type AGENDA_STATES, type EVENT_STATUSES } from './schema.ts';

/** A whole event as data (the demo exchange in src/lib/server/demo/exchange.json). */
export interface EventSeed {
	event: {
		slug: string;
		title: LocalizedText;
		summary: LocalizedText;
		background: LocalizedText;
		objective: LocalizedText;
		format: LocalizedText;
		timeZone: string;
		languages: Locale[];
		openToPresenters: boolean;
		openToAttendees: boolean;
		agendaState: (typeof AGENDA_STATES)[number];
		status: (typeof EVENT_STATUSES)[number];
		isDemo: boolean;
	};
	axes: { slug: string; name: LocalizedText; description: LocalizedText }[];
	/** Instants in ISO 8601. */
	sessions: { title: LocalizedText; startsAt: string; endsAt: string }[];
}

/** Seed an event with its axes and sessions, in a network's unit, on an installation that has none; does nothing when any event exists. */
export async function seedEvent({
	ctx,
	seed,
	networkId,
	unitId
}: {
	ctx: Ctx;
	seed: EventSeed;
	networkId: string;
	unitId: string | null;
}): Promise<{ created: boolean; eventId?: string }> {
	return inTransaction(ctx, async (tx) => {
		const [{ n }] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(event);
		if (n > 0) return { created: false };
		const [ev] = await tx.db
			.insert(event)
			.values({ ...seed.event, networkId, unitId, publishedAt: seed.event.status === 'published' ? sql`now()` : null })
			.returning({ id: event.id });
		await tx.db.insert(axis).values(seed.axes.map((a, i) => ({ ...a, eventId: ev.id, position: i + 1 })));
		await tx.db.insert(eventSession).values(
			seed.sessions.map((s, i) => ({ title: s.title, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), eventId: ev.id, position: i + 1 }))
		);
		await recordAudit(tx, { action: 'event.seeded', entity: 'event', entityId: ev.id, details: { slug: seed.event.slug, demo: seed.event.isDemo } });
		return { created: true, eventId: ev.id };
	});
}
