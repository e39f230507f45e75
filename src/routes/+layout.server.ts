import type { LayoutServerLoad } from './$types';
import { isOrganiser } from '#lib/server/auth/index.ts';
import { readViewerZone } from '#lib/server/http/viewer-zone.ts';

export const load: LayoutServerLoad = ({ locals, cookies }) => ({
	locale: locals.locale,
	viewerZone: readViewerZone(cookies),
	account: locals.user ? { email: locals.user.email, isOrganiser: isOrganiser(locals.user) } : null
});
