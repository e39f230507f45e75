// The repository of practices: its public surface for routes and other domains.
// Verbs take `{ ctx, ...input }`; reads take `(ctx, params)`; rules are named predicates.

// Writing: organisers record, revise and archive; cities submit drafts behind a private link.
export { archivePractice, insertPublishedPractice, recordPublishedPractice, revisePublishedPractice, type PracticeInput } from './commands.ts';
export { attachFileToDraft, draftByToken, removeFileFromDraft, saveDraft, startSubmission, submitForReview, type Draft, type DraftValues } from './draft.ts';
export {
	approvePracticeFile,
	commentOnPractice,
	fileForModeration,
	moderationQueue,
	practiceForModeration,
	practiceValues,
	publishSubmission,
	removePracticeFile,
	requestChanges
} from './moderation.ts';
export { addPlace, describePlaces, localPlaces, type PlaceInput } from './places.ts';

// Rules, used by the verbs and by the pages that show or hide an action.
export {
	canArchive,
	canEditDraft,
	canModeratePractices,
	canPublish,
	canRequestChanges,
	canRevise,
	canSubmit,
	filesAwaitingReview,
	missingForReview,
	moderationActions
} from './rules.ts';

// Reads.
export { getPracticePage, getPracticesBySlug, listPracticeVersions, listPublishedPractices, placesWithPractices, practicesOfEvent, similarPractices, type PracticePage } from './queries.ts';
export { searchPractices, FACETS, SORTS, type Facet, type SearchHit, type SearchParams, type SearchResult, type Sort } from './search.ts';
export { fileHeaders, fileSizeText, listPublicFiles, publishedFile, MAX_FILE_BYTES } from './files.ts';
export { versionChanges, type VersionChange } from './history.ts';
export { allOpenPractices, openPractice, practicesCsv, practicesFeed, type OpenPractice } from './open-data.ts';
export { openApiDocument } from './openapi.ts';
export { drawMap, isMapRegion, MAP_HEIGHT, MAP_REGION_IDS, MAP_TARGET, MAP_WIDTH, type MapGroup, type MapPoint, type MapRegion } from './map.ts';
export { COVERED_COUNTRIES, findCity, gazetteerCity, suggestCities, type GazetteerCity } from './gazetteer.ts';
export { articulationName, countryName, languageName, sdgName, taxonomyLabels, type TaxonomyLabels } from './labels.ts';
export { PRACTICE_TEXT_FIELDS, PRACTICE_STATUSES, type PracticeStatus, type PracticeTextField } from './schema.ts';

// Input parsed at the edge.
export { FACET_PARAMS, MAX_QUERY_LENGTH, PER_PAGE, parseSearchParams, searchQueryString } from './input.ts';
export {
	SUBMISSION_STEPS,
	linksText,
	newDraft,
	parseBasics,
	parseClassification,
	parseSources,
	parseStory,
	type BasicsResult,
	type SubmissionStep
} from './submission-input.ts';
