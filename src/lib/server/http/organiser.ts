import { error } from '@sveltejs/kit';
import { canManageEvent, canManageNetwork } from '../auth/index.ts';
import { getEventForOrganiser, isPublic } from '../events/index.ts';
import { getNetworkForAdmin } from '../networks/index.ts';
import { isLocale, type Locale } from '../../i18n/localized.ts';

/** Ids posted in a form body (path ids go through the `uuid` param matcher instead). */
export { UUID } from '../../../params.ts';

/** An event's organiser pages: anyone but its organisers gets a 403 (the matcher already 404s a malformed id). */
export function guardEvent(locals: App.Locals, eventId: string): void {
	if (!canManageEvent(locals.ctx.actor, eventId)) error(403, 'Forbidden');
}

/**
 * The exchange a copy starts from: one this person manages, or a public one (published or archived)
 * used as a template by someone who organises a network to copy it into. Anyone else gets a 403.
 */
export async function copySourceEvent(locals: App.Locals, eventId: string, organisesANetwork: boolean) {
	if (canManageEvent(locals.ctx.actor, eventId)) return organisedEvent(locals, eventId);
	if (!organisesANetwork) error(403, 'Forbidden');
	const event = await getEventForOrganiser(locals.ctx, eventId);
	if (!event || !isPublic(event)) error(403, 'Forbidden');
	// What a template shows is public: never its join links.
	return { ...event, sessions: event.sessions.map((s) => ({ ...s, joinUrl: null })) };
}

/** The event an organiser's page shows: guarded as guardEvent does, then a 404 when it is gone. */
export async function organisedEvent(locals: App.Locals, eventId: string) {
	guardEvent(locals, eventId);
	const event = await getEventForOrganiser(locals.ctx, eventId);
	if (!event) error(404, 'Not found');
	return event;
}

/** A network's organiser pages: its organisers and the administrators; anyone else gets a 403. */
export function guardNetwork(locals: App.Locals, networkId: string): void {
	if (!canManageNetwork(locals.ctx.actor, networkId)) error(403, 'Forbidden');
}

/** The network an organiser's page shows: guarded as guardNetwork does, then a 404 when it is gone. */
export async function organisedNetwork(locals: App.Locals, networkId: string) {
	guardNetwork(locals, networkId);
	const network = await getNetworkForAdmin(locals.ctx, networkId);
	if (!network) error(404, 'Not found');
	return network;
}

/** The language an organiser is editing (`?edit=pt`), or their own. */
export function editLocale(url: URL, fallback: Locale): Locale {
	const wanted = url.searchParams.get('edit');
	return isLocale(wanted) ? wanted : fallback;
}
