import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isValidTimeZone, zoneFromAcceptLanguage, zoneGroups } from '#lib/time.ts';
import { readViewerZone, writeViewerZone } from '#lib/server/http/viewer-zone.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

/** Only a path on this site: never an open redirect. */
function safeReturn(value: unknown): string {
	return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : localizeHref('/');
}

/** The sessions' date the link came from (`?at=2021-07-15`): offsets are the ones that apply then. */
function sessionDate(value: string | null): Date {
	if (value && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
		const d = new Date(`${value}T12:00:00Z`);
		if (!Number.isNaN(d.getTime())) return d;
	}
	return new Date();
}

export const load: PageServerLoad = ({ url, cookies, request, locals, setHeaders }) => {
	// The default comes from this visitor's Accept-Language: never one cached copy for everyone.
	setHeaders({ 'cache-control': 'no-store' });
	const at = sessionDate(url.searchParams.get('at'));
	const current = readViewerZone(cookies);
	return {
		returnTo: safeReturn(url.searchParams.get('return')),
		at: url.searchParams.get('at') && /^\d{4}-\d{2}-\d{2}$/.test(url.searchParams.get('at')!) ? url.searchParams.get('at') : null,
		atDate: at,
		current,
		selected: current ?? zoneFromAcceptLanguage(request.headers.get('accept-language')) ?? 'America/Montevideo',
		groups: zoneGroups(locals.locale, at)
	};
};

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
