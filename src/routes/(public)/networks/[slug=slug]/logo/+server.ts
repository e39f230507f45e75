import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { networkLogo, resolveNetworkSlug } from '#lib/server/networks/index.ts';

// The stored logo, as it was re-encoded on upload (PNG or JPEG, at most 512 px). Pages link it with
// `?v=<fingerprint>`, so it can be cached for a year: a new logo is a new address.
export const GET: RequestHandler = async ({ params, locals, request, url }) => {
	const logo = await networkLogo(locals.ctx, params.slug);
	if (!logo) {
		const resolved = await resolveNetworkSlug(locals.ctx, params.slug);
		if (resolved?.redirected) redirect(308, `/networks/${resolved.slug}/logo${url.search}`);
		error(404, 'Not found');
	}
	const etag = `"${logo.version}"`;
	const headers = {
		'content-type': logo.type,
		// Only the fingerprinted address is cached for good; the plain one is checked again soon.
		'cache-control': url.searchParams.get('v') === logo.version ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
		etag,
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'"
	};
	const wanted = request.headers.get('if-none-match');
	if (wanted && wanted.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
	return new Response(new Uint8Array(logo.bytes), { headers: { ...headers, 'content-length': String(logo.bytes.byteLength) } });
};
