import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isValidTimeZone } from '#lib/time.ts';
import { readViewerZone, writeViewerZone } from '#lib/server/http/viewer-zone.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

/** Only a path on this site: never an open redirect. */
function safeReturn(value: unknown): string {
	return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : localizeHref('/');
}

export const load: PageServerLoad = ({ url, cookies }) => ({
	returnTo: safeReturn(url.searchParams.get('return')),
	current: readViewerZone(cookies)
});

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const form = await request.formData();
		const zone = String(form.get('zone') ?? '');
		const returnTo = safeReturn(form.get('return'));
		if (!isValidTimeZone(zone)) return fail(422, { error: 'time_zone', returnTo });
		writeViewerZone(cookies, zone);
		redirect(303, returnTo);
	}
};
