import { m } from '../paraglide/messages.js';

const outboxStates: Record<string, () => string> = {
	queued: m.admin_outbox_state_queued,
	sending: m.admin_outbox_state_sending,
	sent: m.admin_outbox_state_sent,
	stored: m.admin_outbox_state_stored,
	failed: m.admin_outbox_state_failed
};

export const outboxStateLabel = (state: string) => (outboxStates[state] ?? (() => state))();
