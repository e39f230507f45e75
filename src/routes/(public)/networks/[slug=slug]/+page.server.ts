import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getNetworkBySlug, networkPractices } from '#lib/server/networks/index.ts';
import { listPublicEvents, type PublicEventListItem } from '#lib/server/events/index.ts';
import { pick, pickAny } from '#lib/i18n/localized.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const network = await getNetworkBySlug(locals.ctx, params.slug);
	if (!network) error(404, 'Not found');
	// An address the network had before answers with its new one, for good.
	if (network.redirected) redirect(308, localizeHref(`/networks/${network.slug}`) + url.search);
	const l = locals.locale;
	const now = new Date();
	const [upcoming, past, practices] = await Promise.all([
		listPublicEvents(locals.ctx, { networkId: network.id, when: 'upcoming', now }),
		listPublicEvents(locals.ctx, { networkId: network.id, when: 'past', now, limit: 50 }),
		networkPractices(locals.ctx, { networkId: network.id, limit: 5 })
	]);
	const exchange = (e: PublicEventListItem) => ({
		slug: e.slug,
		title: pick(e.title, l),
		unit: e.unit ? pick(e.unit, l) : null,
		isDemo: e.isDemo,
		timeZone: e.timeZone,
		firstStart: e.firstStart,
		lastEnd: e.lastEnd
	});
	return {
		network: {
			slug: network.slug,
			name: network.name,
			shortName: network.shortName,
			description: pickAny(network.description, l),
			websiteUrl: network.websiteUrl,
			isDemo: network.isDemo,
			logo: network.logoVersion ? `/networks/${network.slug}/logo?v=${network.logoVersion}` : null,
			units: network.units.map((u) => ({ slug: u.slug, name: pick(u.name, l), description: pickAny(u.description, l) }))
		},
		upcoming: upcoming.map(exchange),
		past: past.map(exchange),
		practices
	};
};
