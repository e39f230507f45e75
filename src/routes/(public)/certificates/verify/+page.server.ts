import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { localizeHref } from '#lib/paraglide/runtime.js';

/** The form on this page sends ?code=…; the answer lives at /certificates/verify/CODE. */
export const load: PageServerLoad = ({ url }) => {
	const code = (url.searchParams.get('code') ?? '').trim().toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 20);
	if (code) redirect(303, localizeHref(`/certificates/verify/${code}`));
	return {};
};
