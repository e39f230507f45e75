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
	organiser: m.role_organiser,
	reviewer: m.role_reviewer,
	moderator: m.role_moderator
};

/** A role's name in the reader's language (or the one given). */
export const roleLabel = (role: string, locale?: 'es' | 'pt' | 'en') =>
	roles[role] ? (locale ? m[`role_${role}` as 'role_organiser']({}, { locale }) : roles[role]()) : role;
