import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getPublishedEvent, sessionRecordings } from '#lib/server/events/index.ts';
import { registrationWindow } from '#lib/server/registrations/index.ts';
import { practicesOfEvent } from '#lib/server/practices/index.ts';
import { pickAny, pick } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ params, locals }) => {
	const event = await getPublishedEvent(locals.ctx, params.slug);
	if (!event) error(404, 'Not found');
	const l = locals.locale;
	const now = new Date();
	// What the page offers follows the exchange's dates: before, during, after its sessions.
	const phase: 'upcoming' | 'live' | 'held' =
		event.sessions.length > 0 && event.sessions.every((s) => s.endsAt <= now)
			? 'held'
			: event.sessions.some((s) => s.startsAt <= now && now < s.endsAt)
				? 'live'
				: 'upcoming';
	const [window, recordings] = await Promise.all([
		registrationWindow(locals.ctx, { eventId: event.id, now }),
		phase === 'held' ? sessionRecordings(locals.ctx, event.id) : Promise.resolve([])
	]);
	return {
		phase,
		registration: {
			open: window.open,
			opensAt: !window.open && 'opensAt' in window ? window.opensAt : null
		},
		liveSessions: event.sessions.filter((s) => s.startsAt <= now && now < s.endsAt).map((s) => pick(s.title, l)),
		recordings: recordings.map((r) => ({ title: pick(r.title, l), url: r.url })),
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
		now
	};
};
