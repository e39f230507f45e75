import type { Ctx } from '../context.ts';
import { pick } from '../../i18n/localized.ts';
import { localizeHref } from '../../paraglide/runtime.js';
import { getPublishedEvent } from './queries.ts';
import { sessionsCalendar } from './ics.ts';

/**
 * The .ics of one session (sessionId) or of all of a published event's sessions, in the reader's
 * language with links to the configured public address; null when unknown.
 */
export async function eventCalendar(
	ctx: Pick<Ctx, 'db' | 'locale' | 'origin'>,
	params: { slug: string; sessionId?: string }
): Promise<{ body: string; filename: string } | null> {
	const event = await getPublishedEvent(ctx, params.slug);
	if (!event) return null;
	const sessions = params.sessionId ? event.sessions.filter((s) => s.id === params.sessionId) : event.sessions;
	if (sessions.length === 0) return null;
	const title = pick(event.title, ctx.locale).text;
	const url = ctx.origin + localizeHref(`/events/${event.slug}`, { locale: ctx.locale });
	const body = sessionsCalendar({
		name: title,
		timeZone: event.timeZone,
		host: new URL(ctx.origin).hostname,
		sessions: sessions.map((s) => {
			const summary = `${title} — ${pick(s.title, ctx.locale).text}`;
			return { id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, sequence: s.sequence, summary, description: `${summary}\n${url}`, url };
		})
	});
	const filename = params.sessionId ? `${event.slug}-${sessions[0].position}.ics` : `${event.slug}.ics`;
	return { body, filename };
}
