import type { PageServerLoad } from './$types';
import { listEventsForOrganiser } from '#lib/server/events/index.ts';
import { pick } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const events = await listEventsForOrganiser(locals.ctx);
	return {
		events: events.map((e) => ({ ...e, title: pick(e.title, locals.locale) }))
	};
};
