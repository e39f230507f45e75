import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { listAuditEntries } from '#lib/server/audit/index.ts';
import { canReadInstallationRecords } from '#lib/server/auth/index.ts';
import { pageNumber } from '#lib/server/http/forms.ts';

const PER_PAGE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!canReadInstallationRecords(locals.ctx.actor)) error(403, 'Forbidden');
	const page = pageNumber(url);
	const { rows, total } = await listAuditEntries(locals.ctx, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
	return {
		entries: rows.map((r) => ({ ...r, details: JSON.stringify(r.details) })),
		page,
		pages: Math.max(1, Math.ceil(total / PER_PAGE))
	};
};
