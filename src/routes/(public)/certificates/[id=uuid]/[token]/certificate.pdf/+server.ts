import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { certificateByLink, certificatePdf } from '#lib/server/certificates/index.ts';

/** A certificate organisers issued (presenters, moderators), behind the private link sent by mail. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const found = await certificateByLink(locals.ctx, { id: params.id, token: params.token });
	if (!found) error(404, 'Not found');
	return new Response(await certificatePdf(locals.ctx, found), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="certificate-${found.code}.pdf"`,
			'cache-control': 'no-store',
			'x-robots-tag': 'noindex'
		}
	});
};
