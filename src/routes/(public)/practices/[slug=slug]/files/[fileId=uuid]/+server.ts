import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { publishedFile } from '#lib/server/practices/files.ts';

/** A published practice's file. PDFs open in the browser, sandboxed; other files download. */
export const GET: RequestHandler = async ({ params }) => {
	if (!/^[a-z0-9-]{1,100}$/.test(params.slug) || !/^[0-9a-f-]{36}$/.test(params.fileId)) error(404, 'Not found');
	const { database, config } = await getRuntime();
	const file = await publishedFile(database.db, params.slug, params.fileId, config.dataDir);
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
