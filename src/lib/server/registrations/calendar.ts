import type { Ctx } from '../context.ts';
import { pick, type Locale } from '../../i18n/localized.ts';
import { localizeHref } from '../../paraglide/runtime.js';
import { sessionsCalendar } from '../events/index.ts';
import { m } from '../../paraglide/messages.js';
import { registrationByToken } from './queries.ts';

/** One session of a registrant as .ics; its description carries the join link only for a confirmed seat. */
export async function registrationCalendar(ctx: Ctx, params: { token: string; sessionId: string; locale: Locale }) {
	const found = await registrationByToken(ctx, params.token);
	const session = found?.sessions.find((s) => s.id === params.sessionId && s.state);
	if (!found || !session) return null;
	const title = pick(found.eventTitle, params.locale).text;
	const page = ctx.origin + localizeHref(`/registration/${params.token}`, { locale: params.locale });
	const summary = `${title} — ${pick(session.title, params.locale).text}`;
	const join = session.joinUrl ? `\n${m.registration_join_label({}, { locale: params.locale })}: ${session.joinUrl}` : '';
	const body = sessionsCalendar({
		name: title,
		timeZone: found.eventZone,
		host: new URL(ctx.origin).hostname,
		sessions: [{ id: session.id, startsAt: session.startsAt, endsAt: session.endsAt, sequence: session.sequence, summary, description: `${summary}${join}\n${page}`, url: session.joinUrl ?? page }]
	});
	return { body, filename: `${found.eventSlug}-${session.id.slice(0, 8)}.ics` };
}
