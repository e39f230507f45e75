import type { PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { listPublishedEvents } from '#lib/server/events/queries.ts';
import { pick } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const { database } = await getRuntime();
	const events = await listPublishedEvents(database.db);
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
