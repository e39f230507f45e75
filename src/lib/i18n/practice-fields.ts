import { m } from '../paraglide/messages.js';

const labels: Record<string, () => string> = {
	title: m.practice_field_title,
	summary: m.practice_field_summary,
	placeNames: m.practice_places,
	axes: m.practice_axes,
	articulation: m.practice_articulation,
	startYear: m.practice_field_start_year,
	endYear: m.practice_field_end_year,
	ongoing: m.repo_ongoing,
	sdgs: m.practice_sdgs,
	tags: m.practice_field_tags,
	sources: m.practice_sources,
	links: m.practice_materials,
	licence: m.practice_field_licence,
	context: m.practice_field_context,
	objectives: m.practice_field_objectives,
	actions: m.practice_field_actions,
	participation: m.practice_field_participation,
	actors: m.practice_field_actors,
	resources: m.practice_field_resources,
	results: m.practice_field_results,
	indicators: m.practice_field_indicators,
	lessons: m.practice_field_lessons,
	difficulties: m.practice_field_difficulties,
	transfer: m.practice_field_transfer
};

/** The name of a practice's field, in the reader's language. */
export const fieldLabel = (field: string) => (labels[field] ?? (() => field))();

/** The narrative fields of a practice, in the order a practitioner reads them. */
export const STORY_FIELDS = ['context', 'objectives', 'actions', 'participation', 'actors', 'resources', 'results', 'indicators', 'lessons', 'difficulties', 'transfer'] as const;
