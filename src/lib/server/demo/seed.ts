import { sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../context.ts';
import { seedNetwork } from '../networks/index.ts';
import { eventIdBySlug, seedEvent } from '../events/index.ts';
import { insertPublishedPractice, type PracticeInput } from '../practices/index.ts';
import { practice } from '../practices/schema.ts';
import { DEMO_EVENT_SLUG, demoExchange, demoNetwork, demoPractices, type DemoPractice } from './content.ts';

/** The demo exchange (Mercociudades → its unit → the 2021 exchange), on an installation with no event yet. */
export function seedDemoExchange(ctx: Ctx): Promise<{ created: boolean; eventId?: string }> {
	return inTransaction(ctx, async (tx) => {
		const { networkId, unitId } = await seedNetwork({ ctx: tx, seed: demoNetwork });
		return seedEvent({ ctx: tx, seed: demoExchange, networkId, unitId });
	});
}

/** A demo practice as the repository records it, presented at the demo exchange when it has a session. */
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
export async function seedDemoPractices(ctx: Ctx): Promise<{ created: number }> {
	const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(practice);
	if (n > 0) return { created: 0 };
	const eventId = await eventIdBySlug(ctx, DEMO_EVENT_SLUG);
	for (const d of demoPractices) await insertPublishedPractice({ ctx, input: demoInput(d, eventId) });
	return { created: demoPractices.length };
}

/** At start-up: the demo exchange, then the demo practices, each only into an empty database. */
export async function seedDemoContent(ctx: Ctx, log: { info(obj: object, msg?: string): void }): Promise<void> {
	const exchange = await seedDemoExchange(ctx);
	if (exchange.created) log.info({ eventId: exchange.eventId }, 'demo exchange seeded');
	const practices = await seedDemoPractices(ctx);
	if (practices.created) log.info({ practices: practices.created }, 'demo practices seeded');
}
