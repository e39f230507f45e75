import type { PageServerLoad } from './$types';
import { verifyCertificate } from '#lib/server/certificates/index.ts';
import { pick } from '#lib/i18n/localized.ts';

/** Public: confirms a certificate's name, event and role — nothing more. */
export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const found = await verifyCertificate(locals.ctx, params.code);
	setHeaders({ 'x-robots-tag': 'noindex' });
	return {
		code: params.code.toUpperCase(),
		certificate: found ? { name: found.name, role: found.role, revoked: found.revokedAt !== null, event: pick(found.eventTitle, locals.locale), eventSlug: found.eventSlug } : null
	};
};
