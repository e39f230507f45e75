import type { PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { moderationQueue } from '#lib/server/practices/submissions.ts';

export const load: PageServerLoad = async () => {
	const { database } = await getRuntime();
	return { queue: await moderationQueue(database.db) };
};
