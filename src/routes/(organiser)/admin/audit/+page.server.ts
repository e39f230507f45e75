import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { listAuditEntries } from '#lib/server/audit/log.ts';
import { canReadInstallationRecords } from '#lib/server/auth/rules.ts';
import { pageNumber } from '#lib/server/http/forms.ts';

const PER_PAGE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!canReadInstallationRecords(locals.actor)) error(403, 'Forbidden');
	const { database } = await getRuntime();
	const page = pageNumber(url);
	const { rows, total } = await listAuditEntries(database.db, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
	return {
		entries: rows.map((r) => ({ ...r, details: JSON.stringify(r.details) })),
		page,
		pages: Math.max(1, Math.ceil(total / PER_PAGE))
	};
};
