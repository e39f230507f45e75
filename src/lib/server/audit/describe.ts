// The audit log as sentences: each entry says who did what to which thing, in the reader's
// language ("Ana Pérez changed the time of Session 2 from 10:00 to 11:00"). Every action code
// the app writes has its sentence here (describe.test.ts greps the code for them); a code
// without one gets a generic sentence rather than a raw code.
import { m } from '../../paraglide/messages.js';
import { pick, type Locale, type LocalizedText } from '../../i18n/localized.ts';
import { formatDateTime } from '../../time.ts';
import type { AuditNames } from './queries.ts';

export interface DescribableEntry {
	actorKind: string;
	actorEmail: string | null;
	actorName?: string | null;
	actorRef: string | null;
	action: string;
	entity: string;
	entityId: string | null;
	details: Record<string, unknown>;
}

interface Reading {
	locale: Locale;
	zone: string;
	names: AuditNames;
	/** Consecutive entries folded into this one (the expiry job's round): 1 for a single entry. */
	count: number;
}

type Params = Record<string, string | number>;
type Message = (params: Params, options: { locale: Locale }) => string;
const msg = (key: string) => (m as unknown as Record<string, Message>)[key];

/** one/other by the language's plural rules (Intl.PluralRules), from two keys `<key>_one` and `<key>_other`. */
export function plural(key: string, count: number, params: Params, locale: Locale): string {
	const form = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
	return msg(`${key}_${form}`)({ ...params, count }, { locale });
}

/** Who did it, as the sentence's subject. */
export function actorPhrase(entry: Pick<DescribableEntry, 'actorKind' | 'actorEmail' | 'actorName' | 'actorRef'>, locale: Locale): string {
	switch (entry.actorKind) {
		case 'user':
			return entry.actorName?.trim() || entry.actorEmail || m.auditlog_actor_user({}, { locale });
		case 'registrant':
			return m.auditlog_actor_registrant({}, { locale });
		case 'submitter':
			return m.auditlog_actor_submitter({}, { locale });
		case 'system':
			if (entry.actorRef === 'registration-round') return m.auditlog_actor_round({}, { locale });
			if (entry.actorRef === 'seed') return m.auditlog_actor_seed({}, { locale });
			if (entry.actorRef === 'bootstrap') return m.auditlog_actor_bootstrap({}, { locale });
			if (entry.actorRef === 'sign-in-link') return m.auditlog_actor_sign_in({}, { locale });
			return m.auditlog_actor_system({}, { locale });
		default:
			return m.auditlog_actor_anonymous({}, { locale });
	}
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v) || 0);
const languageName = (code: unknown, locale: Locale) => {
	try {
		return new Intl.DisplayNames([locale], { type: 'language' }).of(str(code)) ?? str(code);
	} catch {
		return str(code);
	}
};
const when = (iso: unknown, r: Reading) => {
	const d = new Date(str(iso));
	return Number.isNaN(d.getTime()) ? '' : formatDateTime(d, r.zone, r.locale);
};
const title = (t: LocalizedText | undefined, r: Reading) => (t ? `“${pick(t, r.locale).text}”` : '');

function eventName(e: DescribableEntry, r: Reading): string {
	const id = (e.entity === 'event' && e.entityId) || str(e.details.eventId);
	return (id && title(r.names.events[id], r)) || m.auditlog_an_exchange({}, { locale: r.locale });
}
function sessionName(e: DescribableEntry, r: Reading): string {
	const id = (e.entity === 'session' && e.entityId) || str(e.details.sessionId);
	const s = id ? r.names.sessions[id] : undefined;
	return s ? title(s.title, r) : m.auditlog_a_session({}, { locale: r.locale });
}
function practiceName(e: DescribableEntry, r: Reading): string {
	const t = e.entityId ? r.names.practices[e.entityId] : undefined;
	return t ? `“${t}”` : str(e.details.slug) ? `“${str(e.details.slug)}”` : m.auditlog_a_practice({}, { locale: r.locale });
}
const role = (v: unknown, locale: Locale) => {
	const key = `role_${str(v)}`;
	return msg(key) ? msg(key)({}, { locale }) : str(v);
};
const changed = (v: unknown) => (v && typeof v === 'object' ? (v as { from?: unknown; to?: unknown }) : null);

/** The sentence of each action code, given the entry and the reading (locale, zone, names). */
const SENTENCES: Record<string, (e: DescribableEntry, r: Reading, p: { actor: string }) => string> = {
	'attendance.imported': (e, r, p) =>
		m.auditlog_attendance_imported({ ...p, file: str(e.details.file), session: sessionName(e, r), matched: num(e.details.matched), rows: num(e.details.rows) }, { locale: r.locale }),
	'axis.added': (e, r, p) => m.auditlog_axis_added({ ...p, name: str(e.details.name), event: eventName(e, r) }, { locale: r.locale }),
	'axis.removed': (e, r, p) => m.auditlog_axis_removed({ ...p, name: str(e.details.name), event: eventName(e, r) }, { locale: r.locale }),
	'axis.updated': (e, r, p) =>
		str(e.details.from) && str(e.details.from) !== str(e.details.to)
			? m.auditlog_axis_renamed({ ...p, from: str(e.details.from), to: str(e.details.to), language: languageName(e.details.locale, r.locale) }, { locale: r.locale })
			: m.auditlog_axis_updated({ ...p, name: str(e.details.to), language: languageName(e.details.locale, r.locale) }, { locale: r.locale }),
	'certificate.issued': (e, r, p) => m.auditlog_certificate_issued({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'certificate.settings_updated': (e, r, p) => m.auditlog_certificate_settings_updated({ ...p, event: eventName(e, r), percent: num(e.details.minAttendancePercent) }, { locale: r.locale }),
	'event.created': (e, r, p) => m.auditlog_event_created({ ...p, title: str(e.details.title) }, { locale: r.locale }),
	'event.copied': (e, r, p) => {
		const from = r.names.events[str(e.details.from)];
		return m.copy_auditlog_event_copied({ ...p, title: str(e.details.title), from: from ? pick(from, r.locale).text : str(e.details.fromTitle) }, { locale: r.locale });
	},
	'network.created': (e, r, p) => m.auditlog_network_created({ ...p, name: str(e.details.name) }, { locale: r.locale }),
	'network.seeded': (e, r, p) => m.auditlog_network_seeded({ ...p, slug: str(e.details.slug) }, { locale: r.locale }),
	'unit.added': (e, r, p) => m.auditlog_unit_added({ ...p, name: str(e.details.name) }, { locale: r.locale }),
	'network.updated': (e, r, p) => {
		const slug = changed(e.details.slug);
		return slug
			? m.net_auditlog_network_slug_changed({ ...p, name: str(e.details.name), from: str(slug.from), to: str(slug.to) }, { locale: r.locale })
			: m.net_auditlog_network_updated({ ...p, name: str(e.details.name) }, { locale: r.locale });
	},
	'network.logo_set': (e, r, p) => m.net_auditlog_network_logo_set({ ...p, name: str(e.details.name) }, { locale: r.locale }),
	'network.logo_removed': (e, r, p) => m.net_auditlog_network_logo_removed({ ...p, name: str(e.details.name) }, { locale: r.locale }),
	'unit.updated': (e, r, p) =>
		str(e.details.from) && str(e.details.from) !== str(e.details.to)
			? m.net_auditlog_unit_renamed({ ...p, from: str(e.details.from), to: str(e.details.to), language: languageName(e.details.locale, r.locale) }, { locale: r.locale })
			: m.net_auditlog_unit_updated({ ...p, name: str(e.details.to), language: languageName(e.details.locale, r.locale) }, { locale: r.locale }),
	'unit.moved': (e, r, p) => m.net_auditlog_unit_moved({ ...p, name: str(e.details.name), position: num(e.details.position) }, { locale: r.locale }),
	'unit.removed': (e, r, p) => m.net_auditlog_unit_removed({ ...p, name: str(e.details.name) }, { locale: r.locale }),
	'event.seeded': (e, r, p) => m.auditlog_event_seeded({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'event.settings_updated': (e, r, p) => m.auditlog_event_settings_updated({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'event.texts_updated': (e, r, p) => m.auditlog_event_texts_updated({ ...p, event: eventName(e, r), language: languageName(e.details.locale, r.locale) }, { locale: r.locale }),
	// The exchange's life (events/lifecycle.ts).
	'event.published': (e, r, p) => m.auditlog_event_published({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'event.unpublished': (e, r, p) => m.auditlog_event_unpublished({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'event.archived': (e, r, p) => m.auditlog_event_archived({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'event.unarchived': (e, r, p) => m.auditlog_event_unarchived({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'event.concluded': (e, r, p) => m.auditlog_event_concluded({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'event.conclusions_reopened': (e, r, p) => m.auditlog_event_conclusions_reopened({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'event.slug_changed': (e, r, p) => m.auditlog_event_slug_changed({ ...p, event: eventName(e, r), from: str(e.details.from), to: str(e.details.to) }, { locale: r.locale }),
	'event.languages_set': (e, r, p) =>
		m.auditlog_event_languages_set(
			{ ...p, event: eventName(e, r), languages: (Array.isArray(e.details.to) ? e.details.to : []).map((l) => languageName(l, r.locale)).join(', ') },
			{ locale: r.locale }
		),
	'mail.requeued': (_e, r, p) => m.auditlog_mail_requeued(p, { locale: r.locale }),
	'organiser.bootstrapped': (e, r, p) => m.auditlog_organiser_bootstrapped({ ...p, email: str(e.details.email) }, { locale: r.locale }),
	'person.role_granted': (e, r, p) => m.auditlog_person_role_granted({ ...p, email: str(e.details.email), role: role(e.details.role, r.locale) }, { locale: r.locale }),
	'person.role_revoked': (e, r, p) => m.auditlog_person_role_revoked({ ...p, email: str(e.details.email), role: role(e.details.role, r.locale) }, { locale: r.locale }),
	'place.added': (e, r, p) => m.auditlog_place_added({ ...p, name: str(e.details.name), country: str(e.details.country) }, { locale: r.locale }),
	'practice.archived': (e, r, p) => m.auditlog_practice_archived({ ...p, practice: practiceName(e, r) }, { locale: r.locale }),
	'practice.changes_requested': (e, r, p) => m.auditlog_practice_changes_requested({ ...p, practice: practiceName(e, r) }, { locale: r.locale }),
	'practice.commented': (e, r, p) => m.auditlog_practice_commented({ ...p, practice: practiceName(e, r) }, { locale: r.locale }),
	'practice.file_approved': (e, r, p) => m.auditlog_practice_file_approved({ ...p, name: str(e.details.name), practice: practiceName(e, r) }, { locale: r.locale }),
	'practice.file_removed': (e, r, p) => m.auditlog_practice_file_removed({ ...p, name: str(e.details.name), practice: practiceName(e, r) }, { locale: r.locale }),
	'practice.published': (e, r, p) => m.auditlog_practice_published({ ...p, practice: practiceName(e, r), version: num(e.details.version) || 1 }, { locale: r.locale }),
	'practice.submitted': (e, r, p) => m.auditlog_practice_submitted({ ...p, practice: practiceName(e, r) }, { locale: r.locale }),
	'registrants.written': (e, r, p) => plural('auditlog_registrants_written', num(e.details.recipients), { ...p, event: eventName(e, r) }, r.locale),
	'registration.cancelled': (e, r, p) => m.auditlog_registration_cancelled({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'registration.checked_in': (e, r, p) => m.auditlog_registration_checked_in({ ...p, session: sessionName(e, r) }, { locale: r.locale }),
	'registration.confirmed': (e, r, p) => m.auditlog_registration_confirmed({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'registration.created': (e, r, p) => m.auditlog_registration_created({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'registration.deleted': (e, r, p) => m.auditlog_registration_deleted({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'registration.details_changed': (e, r, p) => m.auditlog_registration_details_changed({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'registration.expired': (e, r, p) => plural('auditlog_registration_expired', r.count, { ...p, event: eventName(e, r) }, r.locale),
	'registration.promoted': (e, r, p) => plural('auditlog_registration_promoted', r.count, { ...p, session: sessionName(e, r) }, r.locale),
	'registration.question_added': (e, r, p) => m.auditlog_registration_question_added({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'registration.question_removed': (e, r, p) => m.auditlog_registration_question_removed({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'registration.question_translated': (e, r, p) =>
		m.auditlog_registration_question_translated({ ...p, event: eventName(e, r), language: languageName(e.details.locale, r.locale) }, { locale: r.locale }),
	'registration.renewed': (e, r, p) => m.auditlog_registration_renewed({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'registration.session_added': (e, r, p) =>
		(e.details.state === 'waitlist' ? m.auditlog_registration_session_waitlisted : m.auditlog_registration_session_added)({ ...p, session: sessionName(e, r) }, { locale: r.locale }),
	'registration.session_dropped': (e, r, p) => m.auditlog_registration_session_dropped({ ...p, session: sessionName(e, r) }, { locale: r.locale }),
	'registration.settings_updated': (e, r, p) => m.auditlog_registration_settings_updated({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'session.added': (e, r, p) => m.auditlog_session_added({ ...p, session: sessionName(e, r), event: eventName(e, r), start: when(e.details.startsAt, r) }, { locale: r.locale }),
	'session.capacity_set': (e, r, p) => {
		const seats = (v: unknown) => (v === null || v === undefined ? m.auditlog_unlimited({}, { locale: r.locale }) : String(v));
		return m.auditlog_session_capacity_set({ ...p, session: sessionName(e, r), from: seats(e.details.from), to: seats(e.details.to) }, { locale: r.locale });
	},
	'session.removed': (e, r, p) => m.auditlog_session_removed({ ...p, event: eventName(e, r), start: when(e.details.startsAt, r) }, { locale: r.locale }),
	'session.updated': (e, r, p) => {
		const start = changed(e.details.startsAt);
		if (start && start.from !== start.to) return m.auditlog_session_moved({ ...p, session: sessionName(e, r), from: when(start.from, r), to: when(start.to, r) }, { locale: r.locale });
		if (e.details.joinUrlChanged) return m.auditlog_session_link_changed({ ...p, session: sessionName(e, r) }, { locale: r.locale });
		return m.auditlog_session_updated({ ...p, session: sessionName(e, r) }, { locale: r.locale });
	},
	'survey.question_added': (e, r, p) => m.auditlog_survey_question_added({ ...p, event: eventName(e, r) }, { locale: r.locale }),
	'survey.question_labelled': (e, r, p) => m.auditlog_survey_question_labelled({ ...p, event: eventName(e, r), language: languageName(e.details.locale, r.locale) }, { locale: r.locale }),
	'survey.question_removed': (e, r, p) => m.auditlog_survey_question_removed({ ...p, event: eventName(e, r) }, { locale: r.locale })
};

/** The codes that have their own sentence. */
export const DESCRIBED_ACTIONS: readonly string[] = Object.keys(SENTENCES);

/** One entry (or `count` folded ones) as a sentence in the reader's language. */
export function describeAuditEntry(entry: DescribableEntry, reading: { locale: Locale; zone: string; names?: AuditNames; count?: number }): string {
	const r: Reading = { locale: reading.locale, zone: reading.zone, names: reading.names ?? { events: {}, sessions: {}, practices: {} }, count: reading.count ?? 1 };
	const actor = actorPhrase(entry, r.locale);
	const sentence = SENTENCES[entry.action];
	if (sentence) return sentence(entry, r, { actor });
	return m.auditlog_generic({ actor, action: entry.action, entity: entry.entity }, { locale: r.locale });
}

/** Actions the expiry and seat rounds write one by one, shown folded ("expired 3 registrations"). */
const FOLDED = new Set(['registration.expired', 'registration.promoted']);

/**
 * Consecutive entries of a system round with the same action and target (the same event, or
 * the same session) within a minute of each other become one line with their count.
 */
export function foldEntries<T extends DescribableEntry & { at: Date }>(rows: T[]): { entry: T; members: T[] }[] {
	const out: { entry: T; members: T[] }[] = [];
	const target = (e: T) => `${e.action}|${e.actorKind}|${e.actorRef}|${str(e.details.eventId)}|${str(e.details.sessionId)}`;
	for (const row of rows) {
		const last = out.at(-1);
		if (
			last &&
			FOLDED.has(row.action) &&
			row.actorKind === 'system' &&
			target(last.entry) === target(row) &&
			Math.abs(last.members.at(-1)!.at.getTime() - row.at.getTime()) <= 60_000
		) {
			last.members.push(row);
		} else out.push({ entry: row, members: [row] });
	}
	return out;
}
