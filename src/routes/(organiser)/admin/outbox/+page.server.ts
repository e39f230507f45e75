import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { listOutbox } from '#lib/server/mail/index.ts';
import { canReadInstallationRecords } from '#lib/server/auth/index.ts';
import { pageNumber } from '#lib/server/http/forms.ts';

const PER_PAGE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!canReadInstallationRecords(locals.ctx.actor)) error(403, 'Forbidden');
	const page = pageNumber(url);
	const { rows, total } = await listOutbox(locals.ctx, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
	return { mails: rows, page, pages: Math.max(1, Math.ceil(total / PER_PAGE)), smtp: locals.ctx.delivery === 'smtp' };
};
