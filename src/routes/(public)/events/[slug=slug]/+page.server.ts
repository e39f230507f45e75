import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { canManageEvent, eventPhase, getEventForOrganiser, getPublishedEvent, sessionRecordings, type EventPhase } from '#lib/server/events/index.ts';
import { getRegistrationSettings } from '#lib/server/registrations/index.ts';
import { exchangePhase } from '#lib/server/exchanges/index.ts';
import { practicesOfEvent } from '#lib/server/practices/index.ts';
import { pickAny, pick } from '#lib/i18n/localized.ts';

/** Why registration is not open now, for the visitor: what to expect and when. */
type ClosedReason = { kind: 'draft' } | { kind: 'not_yet'; opensAt: Date } | { kind: 'ended'; closesAt: Date } | { kind: 'no_attendees' } | { kind: 'closed' };

export const load: PageServerLoad = async ({ params, locals, parent, setHeaders }) => {
	// The layout answered an old address with 308 and an unknown one with 404.
	const { eventId } = await parent();
	const ctx = locals.ctx;
	const l = locals.locale;
	const now = new Date();
	let event = await getPublishedEvent(ctx, params.slug);
	// A draft is shown only to its organisers, as a preview nobody else can reach (nor cache).
	const preview = !event;
	if (!event) {
		if (!canManageEvent(ctx.actor, eventId)) error(404, 'Not found');
		event = await getEventForOrganiser(ctx, eventId);
		if (!event) error(404, 'Not found');
		setHeaders({ 'cache-control': 'private, no-store' });
	}
	const ev = event;
	const [current, settings] = await Promise.all([exchangePhase(ctx, { eventId: ev.id, now }), getRegistrationSettings(ctx, ev.id)]);
	if (!current) error(404, 'Not found');
	const { window } = current;
	// A preview shows what the page will say once published (registration opens then).
	const shownPhase: EventPhase = preview ? eventPhase({ ...ev, status: 'published' }, ev.sessions, false, now) : current.phase;
	const closed: ClosedReason | null = window.open
		? null
		: preview
			? { kind: 'draft' }
			: window.reason === 'not_yet'
				? { kind: 'not_yet', opensAt: window.opensAt }
				: !ev.openToAttendees
					? { kind: 'no_attendees' }
					: settings.closesAt && settings.closesAt <= now
						? { kind: 'ended', closesAt: settings.closesAt }
						: { kind: 'closed' };
	const showRecordings = ['held', 'concluded', 'archived'].includes(shownPhase);
	const recordings = showRecordings ? await sessionRecordings(ctx, ev.id) : [];
	return {
		preview,
		phase: shownPhase,
		registration: { open: window.open && !preview, closed },
		liveSessions: ev.sessions.filter((s) => s.startsAt <= now && now < s.endsAt).map((s) => pick(s.title, l)),
		recordings: recordings.map((r) => ({ title: pick(r.title, l), url: r.url })),
		event: {
			id: ev.id,
			slug: ev.slug,
			networkName: ev.networkName,
			unit: pick(ev.unit, l),
			title: pick(ev.title, l),
			summary: pick(ev.summary, l),
			background: pick(ev.background, l),
			objective: pick(ev.objective, l),
			format: pick(ev.format, l),
			timeZone: ev.timeZone,
			openToAttendees: ev.openToAttendees,
			isDemo: ev.isDemo,
			axes: ev.axes.map((a) => ({
				slug: a.slug,
				name: pick(a.name, l),
				description: pick(a.description, l),
				conclusions: pickAny(a.conclusions, l),
				moderator: a.moderator
			})),
			// Explicit columns: a preview reads the organisers' query, whose sessions carry join links.
			sessions: ev.sessions.map((s) => ({
				id: s.id,
				title: pick(s.title, l),
				startsAt: s.startsAt,
				endsAt: s.endsAt
			}))
		},
		// The practices presented there, from the repository.
		practices: (await practicesOfEvent(ctx, { eventId: ev.id })).map((p) => ({
			slug: p.slug,
			title: p.title,
			language: p.language,
			placeNames: p.placeNames,
			demo: p.demo,
			axes: p.axes.map((slug) => ev.axes.find((a) => a.slug === slug)).filter((a) => a !== undefined).map((a) => pick(a.name, l).text)
		})),
		now
	};
};
