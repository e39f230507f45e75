// The exchanges domain's public surface: creating an edition by copying a past one (composing the
// events, registrations and survey domains' own copies in one transaction), and what its pages read.
export { copyExchange, copyExchangeSchema, type CopyExchangeInput } from './copy.ts';
export { canCopyExchange, keepsWeekday, suggestedCopySlug, suggestedCopyTitle, suggestedFirstDate, weekdayOf, withAddressFromTitle } from './rules.ts';
export { listManagedExchanges, manageableNetworks } from './queries.ts';
export { shiftedSessionTimes } from '../events/index.ts';
