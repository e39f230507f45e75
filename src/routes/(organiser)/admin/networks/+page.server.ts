import type { PageServerLoad } from './$types';
import { isAdministrator, organisedNetworkIds } from '#lib/server/auth/index.ts';
import { canCreateNetwork, listNetworks } from '#lib/server/networks/index.ts';
import { pickAny } from '#lib/i18n/localized.ts';

// The networks this person may manage: every one for an administrator, their own for a network's organiser.
export const load: PageServerLoad = async ({ locals }) => {
	const actor = locals.ctx.actor;
	const networks = await listNetworks(locals.ctx, isAdministrator(actor) ? {} : { ids: organisedNetworkIds(actor) });
	return {
		canCreate: canCreateNetwork(actor),
		networks: networks.map((n) => ({
			id: n.id,
			slug: n.slug,
			name: n.name,
			shortName: n.shortName,
			description: pickAny(n.description, locals.locale),
			isDemo: n.isDemo,
			units: n.units
		}))
	};
};
