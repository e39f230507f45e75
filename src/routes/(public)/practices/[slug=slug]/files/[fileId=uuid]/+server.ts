import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { fileHeaders, publishedFile } from '#lib/server/practices/index.ts';

/** An approved file of a published practice, always as a download (see fileHeaders). */
export const GET: RequestHandler = async ({ params, locals }) => {
	const file = await publishedFile(locals.ctx, { slug: params.slug, fileId: params.fileId });
	if (!file) error(404, 'Not found');
	return new Response(new Uint8Array(file.bytes), { headers: fileHeaders(file, 'public, max-age=3600') });
};
