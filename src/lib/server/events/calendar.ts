import type { Db } from '../db/client.ts';
import { pick, type Locale } from '../../i18n/localized.ts';
import { localizeHref } from '../../paraglide/runtime.js';
import { getPublishedEvent } from './queries.ts';
import { sessionsCalendar } from './ics.ts';

/** The .ics of one session (sessionId) or of all of an event's sessions; null when unknown. */
export async function eventCalendar(
	db: Db,
	params: { slug: string; sessionId?: string; locale: Locale; origin: string }
): Promise<{ body: string; filename: string } | null> {
	const event = await getPublishedEvent(db, params.slug);
	if (!event) return null;
	const sessions = params.sessionId ? event.sessions.filter((s) => s.id === params.sessionId) : event.sessions;
	if (sessions.length === 0) return null;
	const title = pick(event.title, params.locale).text;
	const url = params.origin + localizeHref(`/events/${event.slug}`, { locale: params.locale });
	const body = sessionsCalendar({
		name: title,
		timeZone: event.timeZone,
		host: new URL(params.origin).hostname,
		sessions: sessions.map((s) => {
			const summary = `${title} — ${pick(s.title, params.locale).text}`;
			return { id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, summary, description: `${summary}\n${url}`, url };
		})
	});
	const filename = params.sessionId ? `${event.slug}-${sessions[0].position}.ics` : `${event.slug}.ics`;
	return { body, filename };
}
