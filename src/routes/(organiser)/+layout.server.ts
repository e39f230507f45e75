import { error, redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { canManagePeople, canReadInstallationRecords, isAdministrator, isOrganiser, organisedNetworkIds } from '#lib/server/auth/index.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, localizeHref('/sign-in'));
	if (!isOrganiser(locals.user)) error(403, 'Forbidden');
	return {
		organiserEmail: locals.user.email,
		installationWide: canReadInstallationRecords(locals.user),
		managesNetworks: isAdministrator(locals.user) || organisedNetworkIds(locals.user).length > 0,
		managesPeople: canManagePeople(locals.user)
	};
};
