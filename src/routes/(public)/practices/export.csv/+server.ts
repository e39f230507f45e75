import type { RequestHandler } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { allOpenPractices, practicesCsv } from '#lib/server/practices/open-data.ts';

/** The whole published repository as CSV (UTF-8 with BOM, so spreadsheets read the accents). */
export const GET: RequestHandler = async ({ url }) => {
	const { database } = await getRuntime();
	const csv = practicesCsv(await allOpenPractices(database.db, url.origin));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="intercambio-practices.csv"',
			'cache-control': 'public, max-age=300'
		}
	});
};
