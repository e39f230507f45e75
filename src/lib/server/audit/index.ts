// The audit domain's public surface: every verb records itself with its typed actor.
export { recordAudit, type AuditEntry } from './log.ts';
export { listAuditEntries } from './queries.ts';
