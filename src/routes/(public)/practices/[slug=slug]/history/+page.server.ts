import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { getPracticePage, listPracticeVersions } from '#lib/server/practices/queries.ts';
import { versionChanges } from '#lib/server/practices/history.ts';

export const load: PageServerLoad = async ({ params }) => {
	if (!/^[a-z0-9-]{1,100}$/.test(params.slug)) error(404, 'Not found');
	const { database } = await getRuntime();
	const practice = await getPracticePage(database.db, params.slug);
	if (!practice) error(404, 'Not found');
	const versions = await listPracticeVersions(database.db, practice.id);
	return {
		practice: { slug: practice.slug, title: practice.title, language: practice.language },
		versions: versionChanges(versions)
	};
};
