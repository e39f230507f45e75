import { error, redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { canManagePeople, canReadInstallationRecords, isOrganiser } from '#lib/server/auth/index.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, localizeHref('/sign-in'));
	if (!isOrganiser(locals.user)) error(403, 'Forbidden');
	return { organiserEmail: locals.user.email, installationWide: canReadInstallationRecords(locals.user), managesPeople: canManagePeople(locals.user) };
};
