import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { canModeratePractices, fileHeaders, fileForModeration } from '#lib/server/practices/index.ts';

/** A file under review, for the moderators only: downloaded, never cached by anyone on the way. */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!canModeratePractices(locals.ctx.actor)) error(403, 'Forbidden');
	const file = await fileForModeration(locals.ctx, { practiceId: params.id, fileId: params.fileId });
	if (!file) error(404, 'Not found');
	return new Response(new Uint8Array(file.bytes), { headers: fileHeaders(file, 'private, no-store') });
};
