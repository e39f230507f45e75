import type { PageServerLoad } from './$types';
import { listNetworks } from '#lib/server/networks/index.ts';
import { pickAny } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const networks = await listNetworks(locals.ctx);
	return {
		networks: networks.map((n) => ({
			slug: n.slug,
			name: n.name,
			shortName: n.shortName,
			description: pickAny(n.description, locals.locale),
			isDemo: n.isDemo,
			logo: n.logoVersion ? `/networks/${n.slug}/logo?v=${n.logoVersion}` : null
		}))
	};
};
