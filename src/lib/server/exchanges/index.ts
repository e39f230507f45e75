// The exchanges domain's public surface: what an exchange needs before it is published, and publishing it.
export { checklistCode, CHECKLIST_TEXT_FIELDS, missingItems, publishExchange, publishingChecklist, type ChecklistItem, type ChecklistTextField } from './checklist.ts';
