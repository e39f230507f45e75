// The exchanges domain's public surface: what an exchange needs before it is published, publishing
// it, and the phase its public page shows (it composes the events and registrations domains); and
// creating an edition by copying a past one (the events, registrations and survey domains' own copies
// in one transaction), with what the copy pages read.
export { checklistCode, CHECKLIST_TEXT_FIELDS, missingItems, publishExchange, publishingChecklist, type ChecklistItem, type ChecklistTextField } from './checklist.ts';
export { exchangePhase } from './phase.ts';
export { copyExchange, copyExchangeSchema, type CopyExchangeInput } from './copy.ts';
export { canCopyExchange, keepsWeekday, suggestedCopySlug, suggestedCopyTitle, suggestedFirstDate, weekdayOf, withAddressFromTitle } from './rules.ts';
export { listManagedExchanges, manageableNetworks } from './queries.ts';
export { shiftedSessionTimes } from '../events/index.ts';
