import type { RequestHandler } from './$types';
import { safeJson } from '#lib/server/http/json.ts';
import { listPublicNetworks, openNetwork } from '#lib/server/events/index.ts';

/** Every network of cities with its units, as open data. */
export const GET: RequestHandler = async ({ locals }) => {
	const networks = await listPublicNetworks(locals.ctx);
	return safeJson(
		{ data: networks.map((n) => openNetwork(n, locals.ctx.origin)), meta: { total: networks.length, licence: 'CC-BY-4.0' } },
		{ headers: { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } }
	);
};
