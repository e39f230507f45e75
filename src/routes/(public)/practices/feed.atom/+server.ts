import type { RequestHandler } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { listPublishedPractices } from '#lib/server/practices/queries.ts';
import { openPractice, practicesFeed } from '#lib/server/practices/open-data.ts';
import { m } from '#lib/paraglide/messages.js';

/** The newest practices, for feed readers. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const { database } = await getRuntime();
	const practices = (await listPublishedPractices(database.db, { limit: 50 })).map((r) => openPractice(r, url.origin));
	const xml = practicesFeed(practices, {
		origin: url.origin,
		title: `${m.repo_title({}, { locale: locals.locale })} · Intercambio`,
		description: m.repo_intro({}, { locale: locals.locale }),
		feedUrl: url.href
	});
	return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
};
