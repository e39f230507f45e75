import type { LayoutServerLoad } from './$types';
import { isOrganiser } from '#lib/server/auth/rules.ts';
import { readViewerZone } from '#lib/server/http/viewer-zone.ts';

export const load: LayoutServerLoad = ({ locals, cookies }) => ({
	locale: locals.locale,
	viewerZone: readViewerZone(cookies),
	account: locals.actor ? { email: locals.actor.email, isOrganiser: isOrganiser(locals.actor) } : null
});
