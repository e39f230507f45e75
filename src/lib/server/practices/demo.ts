import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { DEMO_EVENT_SLUG } from '../events/demo.ts';
import { eventIdBySlug } from '../events/queries.ts';
import { insertPublishedPractice, type PracticeInput } from './commands.ts';
import { demoPractices, type DemoPractice } from './demo-practices.ts';
import { practice } from './schema.ts';

export function demoInput(d: DemoPractice, eventId: string | null): PracticeInput {
	return {
		slug: d.slug,
		language: d.language,
		title: d.title,
		summary: d.summary,
		texts: {
			context: d.context,
			objectives: d.objectives,
			actions: d.actions,
			participation: d.participation,
			actors: d.actors,
			resources: d.resources,
			results: d.results,
			indicators: d.indicators,
			lessons: d.lessons,
			difficulties: d.difficulties,
			transfer: d.transfer
		},
		geonamesIds: d.places.map((p) => p.geonamesId),
		axes: d.axes,
		articulation: d.articulation,
		startYear: d.period.startYear,
		endYear: d.period.endYear,
		ongoing: d.period.ongoing,
		sdgs: d.sdgs,
		tags: d.tags,
		sources: d.sources,
		links: [],
		contactName: '',
		contactEmail: '',
		contactPublic: false,
		licence: 'CC-BY-4.0',
		origin: d.session && eventId ? 'event' : 'submission',
		eventId: d.session ? eventId : null,
		// Written for the demo: labelled as illustrative on every page and in every export.
		demo: true
	};
}

/** On a repository with no practice yet, publish the illustrative demo practices. */
export async function seedDemoPractices(db: Db): Promise<{ created: number }> {
	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(practice);
	if (n > 0) return { created: 0 };
	const eventId = await eventIdBySlug(db, DEMO_EVENT_SLUG);
	for (const d of demoPractices) {
		await insertPublishedPractice(db, { db, actor: null }, demoInput(d, eventId));
	}
	return { created: demoPractices.length };
}
