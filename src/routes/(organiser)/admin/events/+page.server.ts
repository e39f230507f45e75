import type { PageServerLoad } from './$types';
import { canCopyExchange, listManagedExchanges, manageableNetworks } from '#lib/server/exchanges/index.ts';
import { pick } from '#lib/i18n/localized.ts';
import { canManageEvent, listPublicEvents } from '#lib/server/events/index.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const [exchanges, networks] = await Promise.all([listManagedExchanges(locals.ctx), manageableNetworks(locals.ctx)]);
	// Public exchanges of other networks: templates a network's organiser may start a new edition from.
	const templates = networks.length
		? (await listPublicEvents(locals.ctx, { when: 'all', now: new Date() })).filter((e) => !canManageEvent(locals.ctx.actor, e.id))
		: [];
	return {
		templates: templates.map((e) => ({ id: e.id, slug: e.slug, title: pick(e.title, locals.locale), network: e.networkName })),
		canCreate: networks.length > 0,
		exchanges: exchanges.map((e) => ({
			id: e.id,
			slug: e.slug,
			title: pick(e.title, locals.locale),
			status: e.status,
			timeZone: e.timeZone,
			where: [e.networkName, e.unitName ? pick(e.unitName, locals.locale).text : ''].filter(Boolean).join(' · '),
			firstStart: e.firstStart,
			lastStart: e.lastStart,
			// Copying needs a network to copy into: one the person organises.
			canCopy: networks.some((n) => canCopyExchange(locals.ctx.actor, e, n.id))
		}))
	};
};
