import type { PageServerLoad } from './$types';
import { listPublishedEvents } from '#lib/server/events/index.ts';
import { pick } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const events = await listPublishedEvents(locals.ctx);
	return {
		events: events.map((e) => ({
			slug: e.slug,
			title: pick(e.title, locals.locale),
			summary: pick(e.summary, locals.locale),
			unit: pick(e.unit, locals.locale),
			networkName: e.networkName,
			isDemo: e.isDemo,
			timeZone: e.timeZone,
			sessions: e.sessions.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt }))
		}))
	};
};
