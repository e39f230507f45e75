import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { DomainError } from '#lib/server/context.ts';
import { certificatePdf, issueAttendeeCertificate } from '#lib/server/certificates/index.ts';

/** The registrant's certificate, issued on first download (once they attended a session). */
export const GET: RequestHandler = async ({ params, locals }) => {
	let issued;
	try {
		issued = await issueAttendeeCertificate({ ctx: locals.ctx, token: params.token });
	} catch (e) {
		if (e instanceof DomainError) error(e.code === 'conflict' ? 409 : 404, e.code === 'conflict' ? 'Not eligible yet' : 'Not found');
		throw e;
	}
	const pdf = await certificatePdf(locals.ctx, issued);
	return new Response(pdf, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="certificate-${issued.code}.pdf"`,
			'cache-control': 'no-store',
			'x-robots-tag': 'noindex'
		}
	});
};
