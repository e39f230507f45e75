// The audit domain's public surface: every verb records itself with its typed actor.
export { recordAudit, type AuditEntry } from './log.ts';
export { listAuditEntries, auditActionsInUse, type AuditFilter, type AuditNames, type AuditRow } from './queries.ts';
export { describeAuditEntry, foldEntries, actorPhrase, plural, DESCRIBED_ACTIONS, type DescribableEntry } from './describe.ts';
