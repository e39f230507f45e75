import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { certificateByLink, certificatePdf } from '#lib/server/registrations/certificates.ts';

/** A certificate organisers issued (presenters, moderators), behind the private link sent by mail. */
export const GET: RequestHandler = async ({ params }) => {
	const { database, config } = await getRuntime();
	const found = await certificateByLink(database.db, config.secret, params.id, params.token);
	if (!found) error(404, 'Not found');
	return new Response(await certificatePdf(database.db, found, config.origin), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="certificate-${found.code}.pdf"`,
			'cache-control': 'no-store',
			'x-robots-tag': 'noindex'
		}
	});
};
