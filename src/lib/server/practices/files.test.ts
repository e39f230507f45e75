import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { aReviewer, anOrganiser, testCtx } from '../testing/factories.ts';
import { attachFileToDraft, draftByToken, removeFileFromDraft, saveDraft, startSubmission, submitForReview } from './draft.ts';
import { approvePracticeFile, fileForModeration, practiceForModeration, publishSubmission, removePracticeFile } from './moderation.ts';
import { attachmentDisposition, cleanName, fileHeaders, fileSizeText, listPublicFiles, MAX_FILE_BYTES, pdfHasActiveContent, publishedFile } from './files.ts';
import { CITY, practiceInput } from './testing.ts';

const organiser = anOrganiser();
const bytes = (s: string) => new TextEncoder().encode(s);
const latin1 = (...parts: (string | Buffer)[]) => new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p))));
const PDF = bytes('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
/** A PDF whose catalog runs a script when it opens (what ran in Chromium's viewer). */
const OPEN_ACTION_PDF = bytes("%PDF-1.4\n1 0 obj<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert('x')) >> >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n");
/** The same names written with #xx escapes, which a PDF reader decodes. */
const ESCAPED_PDF = bytes('%PDF-1.4\n1 0 obj<< /Type /Catalog /Open#41ction 2 0 R >>endobj\n2 0 obj<< /S /J#61vaScript /J#53 (x) >>endobj\n%%EOF\n');
/** The script hidden in a compressed object stream, where no raw byte shows it. */
const inner = deflateSync(Buffer.from('2 0 << /S /JavaScript /JS (app.alert(1)) >>', 'latin1'));
const OBJECT_STREAM_PDF = latin1('%PDF-1.5\n1 0 obj<< /Type /Catalog /Names 3 0 R >>endobj\n3 0 obj<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ', String(inner.length), ' >>\nstream\n', inner, '\nendstream\nendobj\n%%EOF\n');
/** A plain PDF with a compressed page: accepted. */
const page = deflateSync(Buffer.from('BT /F1 12 Tf 72 712 Td (Hola) Tj ET', 'latin1'));
const COMPRESSED_PDF = latin1('%PDF-1.5\n1 0 obj<< /Type /Catalog >>endobj\n4 0 obj<< /Length ', String(page.length), ' /Filter /FlateDecode >>\nstream\n', page, '\nendstream\nendobj\n%%EOF\n');
/** An object stream that cannot be read: refused, since what cannot be read is not published. */
const BROKEN_STREAM_PDF = latin1('%PDF-1.5\n3 0 obj<< /Type /ObjStm /Filter /FlateDecode /Length 9 >>\nstream\nnot zlib!\nendstream\nendobj\n%%EOF\n');

describe('what a PDF may carry', () => {
	it('refuses scripts and auto-actions, raw, escaped or compressed, and accepts plain PDFs', async () => {
		expect(await pdfHasActiveContent(PDF)).toBe(false);
		expect(await pdfHasActiveContent(COMPRESSED_PDF)).toBe(false);
		expect(await pdfHasActiveContent(OPEN_ACTION_PDF)).toBe(true);
		expect(await pdfHasActiveContent(ESCAPED_PDF)).toBe(true);
		expect(await pdfHasActiveContent(OBJECT_STREAM_PDF)).toBe(true);
		expect(await pdfHasActiveContent(BROKEN_STREAM_PDF)).toBe(true);
		expect(await pdfHasActiveContent(bytes('%PDF-1.4\n1 0 obj<< /Type /Annot /AA << /E 2 0 R >> >>endobj\n'))).toBe(true);
		expect(await pdfHasActiveContent(bytes('%PDF-1.4\n1 0 obj<< /S /Launch /F (cmd.exe) >>endobj\n'))).toBe(true);
		// A zip bomb in an object stream is not inflated past a bound: refused, quickly.
		const bomb = deflateSync(Buffer.alloc(200 * 1024 * 1024));
		const started = performance.now();
		expect(await pdfHasActiveContent(latin1('%PDF-1.5\n3 0 obj<< /Type /ObjStm /Filter /FlateDecode >>\nstream\n', bomb, '\nendstream\nendobj\n'))).toBe(true);
		expect(performance.now() - started).toBeLessThan(2000);
		// A word in the text is not a name: "/JavaScripts" or "(JavaScript)" are fine.
		expect(await pdfHasActiveContent(bytes('%PDF-1.4\n1 0 obj<< /Title (JavaScript guide) /JavaScripts 1 >>endobj\n'))).toBe(false);
	});

	it('accepts an ordinary PDF as a word processor writes it (compressed pages, fonts, links)', async () => {
		const doc = new PDFDocument({ compress: true, info: { Title: 'Plan' } });
		const chunks: Buffer[] = [];
		doc.on('data', (c: Buffer) => chunks.push(c));
		const done = new Promise((resolve) => doc.on('end', resolve));
		doc.fontSize(14).text('Presupuesto participativo', { link: 'https://example.org' }).addPage().text('Segunda página');
		doc.end();
		await done;
		expect(await pdfHasActiveContent(new Uint8Array(Buffer.concat(chunks)))).toBe(false);
	});

	it('names a file after what its bytes are', () => {
		expect(cleanName('informe.html', 'pdf')).toBe('informe.pdf');
		expect(cleanName('../../etc/presentación final.pdf', 'pdf')).toBe('presentación final.pdf');
		expect(cleanName('slides', 'pptx')).toBe('slides.pptx');
		expect(cleanName('a\r\nb: c\u202e.pdf', 'pdf')).toBe('ab c.pdf');
		expect(cleanName('...', 'odt')).toBe('file.odt');
	});

	it('serves every file as a download with a header-safe name', () => {
		expect(attachmentDisposition('presentación "final".pdf')).toBe(`attachment; filename="presentacion final.pdf"; filename*=UTF-8''presentaci%C3%B3n%20%22final%22.pdf`);
		const header = attachmentDisposition("a\r\nSet-Cookie: x=1;(')*.pdf");
		expect(header).not.toMatch(/[\r\n]/);
		expect(header).toBe(`attachment; filename="aSet-Cookie: x=1(')*.pdf"; filename*=UTF-8''aSet-Cookie%3A%20x%3D1%3B%28%27%29%2A.pdf`);
		const headers = fileHeaders({ contentType: 'application/pdf', originalName: 'a.pdf', bytes: PDF }, 'private, no-store');
		expect(headers['content-disposition']).toMatch(/^attachment; /);
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['content-security-policy']).toBe("sandbox; default-src 'none'");
	});

	it('shows sizes in the reader’s units and language', () => {
		expect(fileSizeText(2_400_000, 'es')).toBe('2,4 MB');
		expect(fileSizeText(850_000, 'en')).toBe('850 kB');
		expect(fileSizeText(12, 'pt')).toBe('12 bytes');
	});
});

describe.each(testDatabases())('files of a practice on $name', ({ open }) => {
	let database: Database;
	let dataDir: string;
	beforeAll(async () => {
		database = await open();
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-files-'));
	});
	afterAll(async () => {
		await database?.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('checks each upload, keeps every file private until a moderator approves it, and publishes only approved files', async () => {
		const ctx = testCtx(database.db, undefined, { dataDir });
		const moderator = testCtx(database.db, organiser, { dataDir });
		const { token, practiceId } = await startSubmission({
			ctx,
			input: practiceInput({ title: 'Plan con archivo', geonamesIds: [CITY.rafaela], contactEmail: 'a@example.org', contactName: 'A' })
		});
		const { id } = await attachFileToDraft({ ctx, token, name: '../../etc/presentación final.html', bytes: PDF });
		const { id: second } = await attachFileToDraft({ ctx, token, name: 'anexo.pdf', bytes: COMPRESSED_PDF });
		await expect(attachFileToDraft({ ctx, token, name: 'virus.pdf', bytes: bytes('MZ not a pdf at all') })).rejects.toMatchObject({ messageKey: 'file_type' });
		await expect(attachFileToDraft({ ctx, token, name: 'big.pdf', bytes: new Uint8Array(MAX_FILE_BYTES + 1) })).rejects.toMatchObject({ messageKey: 'file_too_big' });
		await expect(attachFileToDraft({ ctx, token, name: 'open.pdf', bytes: OPEN_ACTION_PDF })).rejects.toMatchObject({ code: 'invalid', messageKey: 'file_pdf_active' });
		await expect(attachFileToDraft({ ctx, token, name: 'hidden.pdf', bytes: OBJECT_STREAM_PDF })).rejects.toMatchObject({ messageKey: 'file_pdf_active' });
		const draft = await draftByToken(ctx, token);
		// The stored name says what the bytes are: a PDF sent as .html is a .pdf.
		expect(draft?.files.map((f) => [f.originalName, f.contentType, f.kind, f.review])).toEqual([
			['presentación final.pdf', 'application/pdf', 'document', 'pending'],
			['anexo.pdf', 'application/pdf', 'document', 'pending']
		]);
		const slug = draft!.row.slug;
		expect(await publishedFile(ctx, { slug, fileId: id })).toBeNull();

		await saveDraft({ ctx, token, change: { texts: { context: 'c', actions: 'a', results: 'r', lessons: 'l' } as never } });
		expect(await submitForReview({ ctx, token })).toEqual({ missing: [] });

		// Moderators see every file; only they may preview, approve or remove one.
		const found = await practiceForModeration(moderator, { practiceId });
		expect(found?.files.map((f) => [f.originalName, f.size, f.review])).toEqual([
			['presentación final.pdf', PDF.byteLength, 'pending'],
			['anexo.pdf', COMPRESSED_PDF.byteLength, 'pending']
		]);
		expect(Buffer.from((await fileForModeration(moderator, { practiceId, fileId: id }))!.bytes).equals(Buffer.from(PDF))).toBe(true);
		for (const who of [ctx, testCtx(database.db, aReviewer(), { dataDir })]) {
			await expect(fileForModeration(who, { practiceId, fileId: id })).rejects.toMatchObject({ code: 'forbidden' });
			await expect(approvePracticeFile({ ctx: who, practiceId, fileId: id })).rejects.toMatchObject({ code: 'forbidden' });
			await expect(removePracticeFile({ ctx: who, practiceId, fileId: id })).rejects.toMatchObject({ code: 'forbidden' });
		}

		// A file nobody looked at blocks publication, and nothing changes.
		await expect(publishSubmission({ ctx: moderator, practiceId })).rejects.toMatchObject({ code: 'invalid', messageKey: 'file_unreviewed' });
		expect((await practiceForModeration(moderator, { practiceId }))?.practice.status).toBe('submitted');

		await approvePracticeFile({ ctx: moderator, practiceId, fileId: id });
		await removePracticeFile({ ctx: moderator, practiceId, fileId: second });
		await expect(approvePracticeFile({ ctx: moderator, practiceId, fileId: second })).rejects.toMatchObject({ code: 'not_found' });
		expect(await fileForModeration(moderator, { practiceId, fileId: second })).toBeNull();
		// Removing a file deletes its bytes too: only the approved one is left on disk.
		expect(fs.readdirSync(path.join(dataDir, 'uploads'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())).toHaveLength(1);
		await publishSubmission({ ctx: moderator, practiceId });

		expect((await listPublicFiles(ctx, { practiceId })).map((f) => f.originalName)).toEqual(['presentación final.pdf']);
		const file = await publishedFile(ctx, { slug, fileId: id });
		expect(file?.contentType).toBe('application/pdf');
		expect(Buffer.from(file!.bytes).equals(Buffer.from(PDF))).toBe(true);
		expect(await publishedFile(ctx, { slug, fileId: second })).toBeNull();
		// The draft link no longer edits anything.
		await expect(removeFileFromDraft({ ctx, token, fileId: id })).rejects.toMatchObject({ code: 'not_found' });
	});
});
