import type { PageServerLoad } from './$types';
import { dashboardFor } from '#lib/server/dashboard/index.ts';
import { readViewerZone } from '#lib/server/http/viewer-zone.ts';

export const load: PageServerLoad = async ({ locals, cookies }) => {
	const overview = await dashboardFor(locals.ctx, { now: new Date(), zone: readViewerZone(cookies) ?? 'UTC' });
	return { events: overview.exchanges, general: overview.general };
};
