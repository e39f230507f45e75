import type { RequestHandler } from './$types';
import { listPublishedPractices } from '#lib/server/practices/index.ts';
import { openPractice, practicesFeed } from '#lib/server/practices/index.ts';
import { m } from '#lib/paraglide/messages.js';

/** The newest practices, for feed readers. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const practices = (await listPublishedPractices(locals.ctx, { limit: 50 })).map((r) => openPractice(r, url.origin));
	const xml = practicesFeed(practices, {
		origin: url.origin,
		title: `${m.repo_title({}, { locale: locals.locale })} · Intercambio`,
		description: m.repo_intro({}, { locale: locals.locale }),
		feedUrl: url.href
	});
	return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
};
