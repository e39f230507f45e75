import { m } from '../paraglide/messages.js';

const outboxStates: Record<string, () => string> = {
	queued: m.admin_outbox_state_queued,
	sending: m.admin_outbox_state_sending,
	sent: m.admin_outbox_state_sent,
	stored: m.admin_outbox_state_stored,
	failed: m.admin_outbox_state_failed
};

export const outboxStateLabel = (state: string) => (outboxStates[state] ?? (() => state))();

const roles: Record<string, () => string> = {
	administrator: m.role_administrator,
	organiser: m.role_organiser,
	reviewer: m.role_reviewer,
	moderator: m.role_moderator
};

/** A role's name in the reader's language (or the one given). */
export const roleLabel = (role: string, locale?: 'es' | 'pt' | 'en') =>
	roles[role] ? (locale ? m[`role_${role}` as 'role_organiser']({}, { locale }) : roles[role]()) : role;

/** The levels of articulation, in order, with their names (for selects). */
export const ARTICULATION_OPTIONS = [
	['municipal', m.articulation_municipal],
	['intermunicipal', m.articulation_intermunicipal],
	['metropolitan', m.articulation_metropolitan],
	['multilevel', m.articulation_multilevel],
	['international_network', m.articulation_international_network]
] as const;

/** Kinds of institution a registrant chooses from, in order. */
export const INSTITUTION_TYPE_OPTIONS = [
	['local_government', m.institution_local_government],
	['national_government', m.institution_national_government],
	['academia', m.institution_academia],
	['civil_society', m.institution_civil_society],
	['international', m.institution_international],
	['private', m.institution_private],
	['other', m.institution_other]
] as const;

export const institutionTypeLabel = (type: string) => (INSTITUTION_TYPE_OPTIONS.find(([t]) => t === type)?.[1] ?? (() => type))();

const registrationStatuses: Record<string, () => string> = {
	pending: m.registration_status_pending,
	confirmed: m.registration_status_confirmed,
	cancelled: m.registration_status_cancelled,
	deleted: m.registration_status_deleted,
	waitlisted: m.registration_status_waitlisted
};
export const registrationStatusLabel = (status: string) => (registrationStatuses[status] ?? (() => status))();
