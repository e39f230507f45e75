import type { LayoutServerLoad } from './$types';
import { followEventAddress } from '#lib/server/http/event-address.ts';

// Every page under an exchange's address: an old slug answers 308 to the current one; an unknown one is a 404.
export const load: LayoutServerLoad = async ({ params, locals, url }) => {
	const eventId = await followEventAddress(locals.ctx, url, params.slug);
	return { eventId };
};
