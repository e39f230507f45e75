// The exchanges and networks as open data: the API's shapes, a network's Atom feed and its
// subscribable calendar. Addresses are built on the configured public origin.
import { Feed } from 'feed';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { TZDate } from '@date-fns/tz';
import { LOCALES, pick, type Locale, type LocalizedText } from '../../i18n/localized.ts';
import { localizeHref } from '../../paraglide/runtime.js';
import { formatSessionRange } from '../../time.ts';
import { asPlainTextAtom } from '../http/atom.ts';
import { utcStamp } from './ics.ts';
import type { EventPhase } from './rules.ts';
import type { PublicEventListItem, PublicNetwork } from './listing.ts';

/** A text in the languages it is written in (empty translations left out). */
function written(text: Partial<LocalizedText> | null | undefined): Partial<LocalizedText> {
	const out: Partial<LocalizedText> = {};
	for (const l of LOCALES) {
		const value = text?.[l]?.trim();
		if (value) out[l] = value;
	}
	return out;
}

export interface OpenNetwork {
	id: string;
	slug: string;
	url: string;
	name: string;
	shortName: string;
	description: Partial<LocalizedText>;
	websiteUrl: string | null;
	logoUrl: string | null;
	units: { slug: string; name: Partial<LocalizedText> }[];
	illustrativeDemo: boolean;
}

export function openNetwork(n: PublicNetwork, origin: string): OpenNetwork {
	return {
		id: n.id,
		slug: n.slug,
		url: new URL(`/networks/${n.slug}`, origin).toString(),
		name: n.name,
		shortName: n.shortName,
		description: written(n.description),
		websiteUrl: n.websiteUrl,
		logoUrl: n.hasLogo ? new URL(`/networks/${n.slug}/logo`, origin).toString() : null,
		units: n.units.map((u) => ({ slug: u.slug, name: written(u.name) })),
		illustrativeDemo: n.isDemo
	};
}

export interface OpenEvent {
	id: string;
	slug: string;
	url: string;
	network: string;
	unit: { slug: string; name: Partial<LocalizedText> } | null;
	title: Partial<LocalizedText>;
	summary: Partial<LocalizedText>;
	timeZone: string;
	languages: Locale[];
	phase: EventPhase;
	illustrativeDemo: boolean;
	sessions: { id: string; title: Partial<LocalizedText>; startsAt: string; endsAt: string }[];
	publishedAt: string | null;
	updatedAt: string;
}

/** One exchange as the API publishes it; its phase is read by the caller (it needs the registration window). */
export function openEvent(e: PublicEventListItem, phase: EventPhase, origin: string): OpenEvent {
	return {
		id: e.id,
		slug: e.slug,
		url: new URL(`/events/${e.slug}`, origin).toString(),
		network: e.networkSlug,
		unit: e.unit && e.unitSlug ? { slug: e.unitSlug, name: written(e.unit) } : null,
		title: written(e.title),
		summary: written(e.summary),
		timeZone: e.timeZone,
		languages: LOCALES.filter((l) => e.languages.includes(l)),
		phase,
		illustrativeDemo: e.isDemo,
		sessions: e.sessions.map((s) => ({ id: s.id, title: written(s.title), startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
		publishedAt: e.publishedAt ? e.publishedAt.toISOString() : null,
		updatedAt: e.updatedAt.toISOString()
	};
}

/** The sessions' dates of an exchange, one per line, in its own zone and the reader's language. */
function sessionLines(e: PublicEventListItem, locale: Locale): string {
	return e.sessions.map((s) => `${pick(s.title, locale).text}: ${formatSessionRange(s.startsAt, s.endsAt, e.timeZone, locale)}`).join('\n');
}

/** A network's upcoming exchanges as an Atom 1.0 feed, in one language, titles and summaries as plain text. */
export function networkEventsFeed(
	events: PublicEventListItem[],
	options: { network: { slug: string; name: string; updatedAt: Date }; origin: string; locale: Locale; title: string; description: string; feedUrl: string }
): string {
	const { origin, locale } = options;
	const networkUrl = new URL(localizeHref(`/networks/${options.network.slug}`, { locale }), origin).toString();
	const newest = events.reduce((max, e) => (e.updatedAt > max ? e.updatedAt : max), options.network.updatedAt);
	const feed = new Feed({
		id: new URL(`/networks/${options.network.slug}`, origin).toString(),
		link: networkUrl,
		title: options.title,
		description: options.description,
		language: locale,
		copyright: 'CC BY 4.0',
		updated: newest,
		feedLinks: { atom: options.feedUrl }
	});
	for (const e of events) {
		const url = new URL(localizeHref(`/events/${e.slug}`, { locale }), origin).toString();
		const lines = sessionLines(e, locale);
		feed.addItem({
			// The same id in every language: one exchange, one entry.
			id: new URL(`/events/${e.slug}`, origin).toString(),
			link: url,
			title: pick(e.title, locale).text,
			description: lines ? `${pick(e.summary, locale).text}\n\n${lines}` : pick(e.summary, locale).text,
			date: e.updatedAt,
			published: e.publishedAt ?? undefined
		});
	}
	return asPlainTextAtom(feed.atom1());
}

/**
 * A network's upcoming exchanges as one subscribable calendar: a VEVENT per session, each in its
 * exchange's zone (TZID and its VTIMEZONE), with the same UID and SEQUENCE as the exchange's own
 * calendar files, so a subscriber who also downloaded one sees a single entry that follows changes.
 */
export function networkCalendar(
	events: PublicEventListItem[],
	options: { name: string; origin: string; locale: Locale; stamp?: Date }
): string {
	const { origin, locale } = options;
	const host = new URL(origin).hostname;
	const calendar = ical({
		name: options.name,
		prodId: { company: 'Intercambio', product: 'intercambio', language: locale.toUpperCase() },
		method: ICalCalendarMethod.PUBLISH,
		// No zone of its own: every session carries its exchange's, and each zone used gets its VTIMEZONE.
		timezone: { name: null, generator: getVtimezoneComponent },
		// Subscribed calendars look again every few hours.
		ttl: 6 * 60 * 60
	});
	for (const e of events) {
		const title = pick(e.title, locale).text;
		const url = origin + localizeHref(`/events/${e.slug}`, { locale });
		for (const s of e.sessions) {
			const summary = `${title} — ${pick(s.title, locale).text}`;
			calendar.createEvent({
				id: `session-${s.id}@${host}`,
				start: new TZDate(s.startsAt.getTime(), e.timeZone),
				end: new TZDate(s.endsAt.getTime(), e.timeZone),
				timezone: e.timeZone,
				summary,
				description: `${summary}\n${url}`,
				url,
				sequence: s.sequence
			});
		}
	}
	// RFC 5545 §3.8.7.2: DTSTAMP in UTC.
	const stamp = utcStamp(options.stamp ?? new Date());
	return calendar.toString().replace(/^DTSTAMP[;:].*$/gm, `DTSTAMP:${stamp}`);
}
