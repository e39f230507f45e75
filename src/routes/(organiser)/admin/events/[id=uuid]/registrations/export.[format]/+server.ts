import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { canManageEvent } from '#lib/server/auth/rules.ts';
import { UUID } from '#lib/server/http/organiser.ts';
import { registrationTable, tableCsv, tableXlsx } from '#lib/server/registrations/export.ts';

/** The registrations as export.csv or export.xlsx (organisers of the event only). */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!UUID.test(params.id) || (params.format !== 'csv' && params.format !== 'xlsx')) error(404, 'Not found');
	if (!locals.actor) error(401, 'Sign in');
	if (!canManageEvent(locals.actor, params.id)) error(403, 'Forbidden');
	const { database } = await getRuntime();
	const table = await registrationTable(locals.actor, database.db, params.id, locals.locale);
	const [body, type] =
		params.format === 'xlsx'
			? [await tableXlsx(table, 'Registrations'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']
			: [tableCsv(table), 'text/csv; charset=utf-8'];
	return new Response(body, {
		headers: { 'content-type': type, 'content-disposition': `attachment; filename="registrations.${params.format}"`, 'cache-control': 'no-store' }
	});
};
