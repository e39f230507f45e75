import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getPublishedEvent } from '#lib/server/events/index.ts';
import { practicesOfEvent } from '#lib/server/practices/index.ts';
import { pickAny, pick } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ params, locals }) => {
	const event = await getPublishedEvent(locals.ctx, params.slug);
	if (!event) error(404, 'Not found');
	const l = locals.locale;
	return {
		event: {
			slug: event.slug,
			networkName: event.networkName,
			unit: pick(event.unit, l),
			title: pick(event.title, l),
			summary: pick(event.summary, l),
			background: pick(event.background, l),
			objective: pick(event.objective, l),
			format: pick(event.format, l),
			timeZone: event.timeZone,
			openToPresenters: event.openToPresenters,
			openToAttendees: event.openToAttendees,
			agendaState: event.agendaState,
			isDemo: event.isDemo,
			axes: event.axes.map((a) => ({
				slug: a.slug,
				name: pick(a.name, l),
				description: pick(a.description, l),
				conclusions: pickAny(a.conclusions, l),
				moderator: a.moderator
			})),
			sessions: event.sessions.map((s) => ({
				id: s.id,
				title: pick(s.title, l),
				startsAt: s.startsAt,
				endsAt: s.endsAt
			}))
		},
		// The practices presented there, from the repository.
		practices: (await practicesOfEvent(locals.ctx, { eventId: event.id })).map((p) => ({
			slug: p.slug,
			title: p.title,
			language: p.language,
			placeNames: p.placeNames,
			demo: p.demo,
			axes: p.axes.map((slug) => event.axes.find((a) => a.slug === slug)).filter((a) => a !== undefined).map((a) => pick(a.name, l).text)
		})),
		now: new Date()
	};
};
