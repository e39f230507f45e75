import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { canManageEvent } from '#lib/server/auth/rules.ts';
import { registrationTable, tableXlsx } from '#lib/server/registrations/export.ts';

export const GET: RequestHandler = async ({ params, locals }) => {
	if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(params.id)) error(404, 'Not found');
	if (!locals.actor) error(401, 'Sign in');
	if (!canManageEvent(locals.actor, params.id)) error(403, 'Forbidden');
	const { database } = await getRuntime();
	const table = await registrationTable(locals.actor, database.db, params.id, locals.locale);
	const bytes = await tableXlsx(table, 'Registrations');
	return new Response(bytes, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': 'attachment; filename="registrations.xlsx"',
			'cache-control': 'no-store'
		}
	});
};
