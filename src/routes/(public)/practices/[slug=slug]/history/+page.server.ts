import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getPracticePage, listPracticeVersions } from '#lib/server/practices/index.ts';
import { versionChanges } from '#lib/server/practices/index.ts';

export const load: PageServerLoad = async ({ params, locals }) => {
	const practice = await getPracticePage(locals.ctx, { slug: params.slug });
	if (!practice) error(404, 'Not found');
	const versions = await listPracticeVersions(locals.ctx, { practiceId: practice.id });
	return {
		practice: { slug: practice.slug, title: practice.title, language: practice.language },
		versions: versionChanges(versions)
	};
};
