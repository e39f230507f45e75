import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { publishedFile } from '#lib/server/practices/index.ts';

/** A published practice's file. PDFs open in the browser, sandboxed; other files download. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const file = await publishedFile(locals.ctx, { slug: params.slug, fileId: params.fileId });
	if (!file) error(404, 'Not found');
	const inline = file.contentType === 'application/pdf';
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.bytes.byteLength),
			'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
			'content-security-policy': "sandbox; default-src 'none'",
			'cache-control': 'public, max-age=3600'
		}
	});
};
