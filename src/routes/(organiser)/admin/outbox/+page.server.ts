import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { listOutbox } from '#lib/server/mail/outbox.ts';
import { canReadInstallationRecords } from '#lib/server/auth/rules.ts';
import { pageNumber } from '#lib/server/http/forms.ts';

const PER_PAGE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!canReadInstallationRecords(locals.actor)) error(403, 'Forbidden');
	const { database, config } = await getRuntime();
	const page = pageNumber(url);
	const { rows, total } = await listOutbox(database.db, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
	return { mails: rows, page, pages: Math.max(1, Math.ceil(total / PER_PAGE)), smtp: !!config.smtpUrl };
};
