import type { RequestHandler } from './$types';
import { listPublishedPractices } from '#lib/server/practices/index.ts';
import { openPractice, practicesFeed } from '#lib/server/practices/index.ts';
import { m } from '#lib/paraglide/messages.js';

/** The newest practices, for feed readers. */
export const GET: RequestHandler = async ({ url, locals }) => {
	// Addresses come from the configured public origin, never from the request's Host.
	const origin = locals.ctx.origin;
	const practices = (await listPublishedPractices(locals.ctx, { limit: 50 })).map((r) => openPractice(r, origin));
	const xml = practicesFeed(practices, {
		origin,
		title: `${m.repo_title({}, { locale: locals.locale })} · Intercambio`,
		description: m.repo_intro({}, { locale: locals.locale }),
		feedUrl: new URL(url.pathname, origin).toString()
	});
	return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
};
