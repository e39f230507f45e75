import type { PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { listEventsForOrganiser } from '#lib/server/events/queries.ts';
import { pick } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const { database } = await getRuntime();
	const events = await listEventsForOrganiser(database.db, locals.actor!);
	return {
		events: events.map((e) => ({ ...e, title: pick(e.title, locals.locale) }))
	};
};
