// The exchanges domain's public surface: what an exchange needs before it is published, publishing
// it, and the phase its public page shows (it composes the events and registrations domains).
export { checklistCode, CHECKLIST_TEXT_FIELDS, missingItems, publishExchange, publishingChecklist, type ChecklistItem, type ChecklistTextField } from './checklist.ts';
export { exchangePhase } from './phase.ts';
