import type { RequestHandler } from './$types';
import { allOpenPractices, practicesCsv } from '#lib/server/practices/index.ts';

/** The whole published repository as CSV (UTF-8 with BOM, so spreadsheets read the accents). */
export const GET: RequestHandler = async ({ url, locals }) => {
	const csv = practicesCsv(await allOpenPractices(locals.ctx));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="intercambio-practices.csv"',
			'cache-control': 'public, max-age=300'
		}
	});
};
