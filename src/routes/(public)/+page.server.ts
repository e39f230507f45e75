import type { PageServerLoad } from './$types';
import { eventPhase, listPublicEvents } from '#lib/server/events/index.ts';
import { registrationWindows } from '#lib/server/registrations/index.ts';
import { countryName, listPublishedPractices } from '#lib/server/practices/index.ts';
import { pick } from '#lib/i18n/localized.ts';

/** The front page: what comes next across networks (or, when nothing is announced, what was held) and the newest practices. */
export const load: PageServerLoad = async ({ locals }) => {
	const l = locals.locale;
	const now = new Date();
	const [upcoming, practices] = await Promise.all([
		listPublicEvents(locals.ctx, { when: 'upcoming', limit: 4, now }),
		listPublishedPractices(locals.ctx, { limit: 4 })
	]);
	const events = upcoming.length ? upcoming : await listPublicEvents(locals.ctx, { when: 'past', limit: 4, now });
	const windows = await registrationWindows(locals.ctx, { eventIds: events.map((e) => e.id), now });
	return {
		showingHeld: upcoming.length === 0 && events.length > 0,
		events: events.map((e) => ({
			slug: e.slug,
			title: pick(e.title, l),
			summary: pick(e.summary, l),
			unit: e.unit ? pick(e.unit, l) : null,
			networkName: e.networkName,
			isDemo: e.isDemo,
			timeZone: e.timeZone,
			languages: e.languages,
			phase: eventPhase(e, e.sessions, windows.get(e.id)?.open ?? false, now),
			sessions: e.sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt }))
		})),
		practices: practices.map((p) => ({
			slug: p.slug,
			title: p.title,
			summary: p.summary,
			language: p.language,
			placeNames: p.placeNames,
			countries: p.countries.map((c) => countryName(c, l)),
			demo: p.demo
		}))
	};
};
