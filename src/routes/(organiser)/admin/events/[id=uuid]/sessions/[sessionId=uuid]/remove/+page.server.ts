import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cancelSession, sessionRegistrantCount } from '#lib/server/registrations/index.ts';
import { formAction } from '#lib/server/http/action.ts';
import { editLocale, guardEvent, organisedEvent } from '#lib/server/http/organiser.ts';
import { pick } from '#lib/i18n/localized.ts';
import { describeZone, formatSessionRange } from '#lib/time.ts';

/** The editor this page came from, in the same language prefix and the language being edited. */
const editor = (url: URL, edit: string) => `${url.pathname.replace(/\/sessions\/[^/]+\/remove\/?$/, '')}?edit=${edit}`;

/** Before a session is removed: what it is and how many people registered for it will be told. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const event = await organisedEvent(locals, params.id);
	const session = event.sessions.find((s) => s.id === params.sessionId);
	if (!session) error(404, 'Not found');
	const count = await sessionRegistrantCount(locals.ctx, { eventId: event.id, sessionId: session.id });
	const edit = editLocale(url, locals.locale);
	return {
		position: session.position,
		title: pick(session.title, locals.locale),
		time: `${formatSessionRange(session.startsAt, session.endsAt, event.timeZone, locals.locale)} (${describeZone(event.timeZone, session.startsAt, locals.locale)})`,
		count,
		// Plural category of the count in the reader's language (for the _one/_other messages).
		plural: new Intl.PluralRules(locals.locale).select(count),
		back: `${editor(url, edit)}#sessions`
	};
};

export const actions: Actions = {
	default: formAction({
		name: 'removeSession',
		guard: (event) => guardEvent(event.locals, event.params.id),
		parse: () => ({ ok: true, value: {} }),
		run: ({ ctx, event }) => cancelSession({ ctx, eventId: event.params.id, sessionId: event.params.sessionId }),
		done: (_, { url, locals }) => `${editor(url, editLocale(url, locals.locale))}&saved=sessions#sessions`
	})
};
