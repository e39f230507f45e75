import { error, redirect } from '@sveltejs/kit';
import type { Ctx } from '../context.ts';
import { resolveEventSlug } from '../events/index.ts';

/**
 * Addresses that last: a request for an exchange under one of its old slugs answers 308 with the
 * same path (language prefix, sub-page and query kept) under its current slug. An unknown slug is
 * a 404. Returns the exchange's id under its current slug.
 */
export async function followEventAddress(ctx: Pick<Ctx, 'db'>, url: URL, slug: string): Promise<string> {
	const found = await resolveEventSlug(ctx, slug);
	if (!found) error(404, 'Not found');
	if (found.redirected) {
		const path = url.pathname.replace(`/events/${slug}`, `/events/${found.slug}`);
		redirect(308, `${path}${url.search}`);
	}
	return found.id;
}
