import { error } from '@sveltejs/kit';
import { canManageEvent } from '../auth/rules.ts';
import type { Ctx } from '../context.ts';
import { getRuntime } from '../runtime.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event's organiser pages: a malformed id is a 404, anyone but its organisers a 403. */
export function guardEvent(locals: App.Locals, eventId: string): void {
	if (!UUID.test(eventId)) error(404, 'Not found');
	if (!canManageEvent(locals.actor, eventId)) error(403, 'Forbidden');
}

/** The domain context of the signed-in organiser. */
export async function organiserCtx(locals: App.Locals): Promise<Ctx> {
	const { database } = await getRuntime();
	return { db: database.db, actor: locals.actor };
}
