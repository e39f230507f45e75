import type { RequestHandler } from './$types';

/**
 * The process is up and serving: no database, no session, nothing that waits on anything else
 * (searches take turns and yield, so this answers between two of their queries).
 */
export const GET: RequestHandler = () => new Response('ok', { headers: { 'cache-control': 'no-store' } });
