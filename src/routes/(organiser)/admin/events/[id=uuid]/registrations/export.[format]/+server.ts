import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { guardEvent } from '#lib/server/http/organiser.ts';
import { registrationTable, tableCsv, tableXlsx } from '#lib/server/registrations/index.ts';

/** The registrations as export.csv or export.xlsx (organisers of the event only). */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (params.format !== 'csv' && params.format !== 'xlsx') error(404, 'Not found');
	if (!locals.user) error(401, 'Sign in');
	guardEvent(locals, params.id);
	const table = await registrationTable(locals.ctx, { eventId: params.id, locale: locals.locale });
	const [body, type] =
		params.format === 'xlsx'
			? [await tableXlsx(table, 'Registrations'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']
			: [tableCsv(table), 'text/csv; charset=utf-8'];
	return new Response(body, {
		headers: { 'content-type': type, 'content-disposition': `attachment; filename="registrations.${params.format}"`, 'cache-control': 'no-store' }
	});
};
