// The events domain's public surface: exchanges, their axes and sessions.
export {
	addAxis,
	addSession,
	removeAxis,
	removeSession,
	setSessionCapacity,
	updateAxis,
	updateEventSettings,
	updateEventTexts,
	updateSession,
	type SessionChange
} from './commands.ts';
export { seedEvent, type EventSeed } from './seed.ts';
export { assertEventSlugFree, assertUnitOfNetwork, createEvent, newEventSchema, type NewEventInput } from './create.ts';
export { addDays, canCopyEvent,
	eventForCopy, copyEventStructure, daysBetween, shiftByDays, shiftedSessionTimes, type CopyEventStructureInput } from './copy.ts';
export {
	axisConclusions,
	axisNamesBySlug,
	eventIdBySlug,
	getEventForOrganiser,
	getPublishedEvent,
	listAxes,
	listEventsForOrganiser,
	listPublishedEvents,
	listSessions,
	publishedEventTitles,
	sessionRecordings
} from './queries.ts';
export { eventCalendar } from './calendar.ts';
export { sessionsCalendar, utcStamp, type CalendarSession } from './ics.ts';
export {
	assertCanManageEvent,
	canConclude,
	canManageEvent,
	EVENT_PHASES,
	eventPhase,
	isPublic,
	isPublished,
	isValidCapacity,
	type EventPhase
} from './rules.ts';
export {
	archiveEvent,
	changeEventSlug,
	concludeEvent,
	eventLanguagesSchema,
	eventSlugSchema,
	publishEvent,
	registrationCount,
	reopenConclusions,
	setEventLanguages,
	unarchiveEvent,
	unpublishEvent,
	type EventSlugInput,
	type PublishingCheck
} from './lifecycle.ts';
export { listPublicEvents, resolveEventSlug, type EventListFilter, type PublicEventListItem } from './listing.ts';
export {
	countPublicEvents,
	EVENT_WHEN,
	eventListQueryString,
	EVENTS_PER_PAGE,
	isNetworkSlug,
	listPublicNetworks,
	parseEventListQuery,
	resolveNetworkSlug,
	type EventListQuery,
	type EventWhen,
	type PublicNetwork
} from './listing.ts';
export { networkCalendar, networkEventsFeed, openEvent, openNetwork, type OpenEvent, type OpenNetwork } from './open-data.ts';
export { axisSchema, eventSettingsSchema, eventTextsSchema, localeSchema, sessionSchema } from './input.ts';
export type { AxisInput, EventSettingsInput, EventTextsInput, SessionInput } from './input.ts';
