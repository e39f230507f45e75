import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { anOrganiser, testCtx } from '../testing/factories.ts';
import { attachFileToDraft, draftByToken, removeFileFromDraft, saveDraft, startSubmission, submitForReview } from './draft.ts';
import { publishSubmission } from './moderation.ts';
import { MAX_FILE_BYTES, publishedFile } from './files.ts';
import { CITY, practiceInput } from './testing.ts';

const organiser = anOrganiser();
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');

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

	it('accepts a PDF by its content, refuses disguised or oversized files, and serves it once published', async () => {
		const ctx = testCtx(database.db, undefined, { dataDir });
		const { token, practiceId } = await startSubmission({
			ctx,
			input: practiceInput({ title: 'Plan con archivo', geonamesIds: [CITY.rafaela], contactEmail: 'a@example.org', contactName: 'A' })
		});
		const { id } = await attachFileToDraft({ ctx, token, name: '../../etc/presentación final.pdf', bytes: PDF });
		await expect(attachFileToDraft({ ctx, token, name: 'virus.pdf', bytes: new TextEncoder().encode('MZ not a pdf at all') })).rejects.toMatchObject({ messageKey: 'file_type' });
		await expect(attachFileToDraft({ ctx, token, name: 'big.pdf', bytes: new Uint8Array(MAX_FILE_BYTES + 1) })).rejects.toMatchObject({ messageKey: 'file_too_big' });
		const draft = await draftByToken(ctx, token);
		expect(draft?.files.map((f) => [f.originalName, f.contentType, f.kind])).toEqual([['presentación final.pdf', 'application/pdf', 'document']]);
		const slug = draft!.row.slug;
		// Not public while it is a draft.
		expect(await publishedFile(ctx, { slug, fileId: id })).toBeNull();

		await saveDraft({ ctx, token, change: { texts: { context: 'c', actions: 'a', results: 'r', lessons: 'l' } as never } });
		expect(await submitForReview({ ctx, token })).toEqual({ missing: [] });
		await publishSubmission({ ctx: testCtx(database.db, organiser, { dataDir }), practiceId });
		const file = await publishedFile(ctx, { slug, fileId: id });
		expect(file?.contentType).toBe('application/pdf');
		expect(Buffer.from(file!.bytes).equals(Buffer.from(PDF))).toBe(true);
		// The draft link no longer edits anything.
		await expect(removeFileFromDraft({ ctx, token, fileId: id })).rejects.toMatchObject({ code: 'not_found' });
	});
});
