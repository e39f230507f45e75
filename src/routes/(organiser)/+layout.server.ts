import { error, redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { canReadInstallationRecords, isOrganiser } from '#lib/server/auth/rules.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.actor) redirect(303, localizeHref('/sign-in'));
	if (!isOrganiser(locals.actor)) error(403, 'Forbidden');
	return { organiserEmail: locals.actor.email, installationWide: canReadInstallationRecords(locals.actor) };
};
