import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Ctx } from '../context.ts';
import { listSessions } from '../events/index.ts';
import { pick, type Locale } from '../../i18n/localized.ts';
import { spreadsheetCell } from '../spreadsheet.ts';
import { listQuestions, registrationsForExport } from './queries.ts';

/**
 * The registrations of an event as a table: one row per person, one column per session
 * (seat, waiting list or empty) and per question of the event. Cells are safe for spreadsheets.
 */
export async function registrationTable(ctx: Ctx, { eventId, locale }: { eventId: string; locale: Locale }) {
	const [rows, sessions, questions] = await Promise.all([registrationsForExport(ctx, eventId), listSessions(ctx, eventId), listQuestions(ctx, eventId)]);
	const header = [
		'id', 'status', 'name', 'email', 'country', 'city', 'institution', 'institutionType', 'role', 'language', 'timeZone',
		'registeredAt', 'confirmedAt', 'consentVersion', 'consentedAt',
		...sessions.map((s) => `session: ${pick(s.title, locale).text}`),
		...questions.map((q) => `question: ${q.label[locale] ?? q.label.es ?? Object.values(q.label)[0] ?? q.id}`)
	];
	const body = rows.map((r) => [
		r.id, r.status, r.name, r.email, r.country, r.city, r.institution, r.institutionType, r.role, r.locale, r.timeZone,
		r.createdAt, r.confirmedAt, r.consentVersion, r.consentedAt,
		...sessions.map((s) => r.sessions.find((p) => p.sessionId === s.id)?.state ?? ''),
		...questions.map((q) => {
			const answer = r.answers[q.id];
			if (answer === undefined) return '';
			if (q.kind === 'select') {
				const option = q.options[Number(answer)];
				return option ? (option[locale] ?? option.es ?? '') : '';
			}
			return answer;
		})
	].map(spreadsheetCell));
	return { header, body };
}

export function tableCsv(table: { header: string[]; body: string[][] }): string {
	return stringify(table.body, { header: true, columns: table.header, bom: true });
}

export async function tableXlsx(table: { header: string[]; body: string[][] }, sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Intercambio';
	const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
	sheet.addRow(table.header).font = { bold: true };
	for (const row of table.body) sheet.addRow(row);
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	sheet.columns.forEach((column) => (column.width = 20));
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}
