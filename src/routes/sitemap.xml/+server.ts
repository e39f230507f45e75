import { SitemapStream, streamToPromise } from 'sitemap';
import type { RequestHandler } from './$types';
import { listPublishedPractices } from '#lib/server/practices/index.ts';
import { listPublicEvents, listPublicNetworks } from '#lib/server/events/index.ts';

/** Every public page, in the three languages (each URL lists its alternates). */
export const GET: RequestHandler = async ({ url, locals }) => {
	const [practices, events, networks] = await Promise.all([
		listPublishedPractices(locals.ctx),
		// Published and archived exchanges alike have a public page.
		listPublicEvents(locals.ctx, { when: 'all', limit: 500, now: new Date() }),
		listPublicNetworks(locals.ctx)
	]);
	const stream = new SitemapStream({ hostname: url.origin, xmlns: { news: false, xhtml: true, image: false, video: false } });
	const add = (path: string, lastmod?: Date) =>
		stream.write({
			url: path,
			lastmod: lastmod?.toISOString(),
			links: [
				{ lang: 'es', url: path },
				{ lang: 'pt', url: `/pt${path === '/' ? '' : path}` },
				{ lang: 'en', url: `/en${path === '/' ? '' : path}` }
			]
		});
	add('/');
	add('/practices');
	add('/events');
	for (const n of networks) add(`/networks/${n.slug}`, n.updatedAt);
	for (const e of events) add(`/events/${e.slug}`, e.updatedAt);
	for (const p of practices) add(`/practices/${p.slug}`, new Date(p.updatedAt));
	stream.end();
	const xml = await streamToPromise(stream);
	return new Response(xml.toString(), { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
};
