import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Actor } from '../context.ts';
import { submissionLinkMail } from '../mail/templates.ts';
import { attachFileToDraft, draftByToken, publishSubmission, removeFileFromDraft, saveDraft, startSubmission, submitForReview } from './submissions.ts';
import { MAX_FILE_BYTES, publishedFile } from './files.ts';
import { CITY, practiceInput } from './testing.ts';

const organiser: Actor = { userId: 'u1', email: 'org@example.org', name: 'Org', roles: [{ role: 'organiser', eventId: null }] };
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
		const { token, practiceId } = await startSubmission({
			db: database.db,
			input: practiceInput({ title: 'Plan con archivo', geonamesIds: [CITY.rafaela], contactEmail: 'a@example.org', contactName: 'A' }),
			locale: 'es',
			delivery: 'outbox-only',
			linkFor: (t) => `http://x/${t}`,
			mail: (p) => submissionLinkMail({ ...p, locale: 'es' })
		});
		const { id } = await attachFileToDraft({ db: database.db, token, name: '../../etc/presentación final.pdf', bytes: PDF, dataDir });
		await expect(attachFileToDraft({ db: database.db, token, name: 'virus.pdf', bytes: new TextEncoder().encode('MZ not a pdf at all'), dataDir })).rejects.toMatchObject({ messageKey: 'file_type' });
		await expect(attachFileToDraft({ db: database.db, token, name: 'big.pdf', bytes: new Uint8Array(MAX_FILE_BYTES + 1), dataDir })).rejects.toMatchObject({ messageKey: 'file_too_big' });
		const draft = await draftByToken(database.db, token);
		expect(draft?.files.map((f) => [f.originalName, f.contentType, f.kind])).toEqual([['presentación final.pdf', 'application/pdf', 'document']]);
		const slug = draft!.row.slug;
		// Not public while it is a draft.
		expect(await publishedFile(database.db, slug, id, dataDir)).toBeNull();

		await saveDraft({ db: database.db, token, change: { texts: { context: 'c', actions: 'a', results: 'r', lessons: 'l' } as never } });
		expect(await submitForReview({ db: database.db, token })).toEqual({ missing: [] });
		await publishSubmission({ ctx: { db: database.db, actor: organiser }, practiceId, delivery: 'outbox-only', mail: () => ({ template: 't', locale: 'es', to: 'a@example.org', subject: 's', body: 'b' }) });
		const file = await publishedFile(database.db, slug, id, dataDir);
		expect(file?.contentType).toBe('application/pdf');
		expect(Buffer.from(file!.bytes).equals(Buffer.from(PDF))).toBe(true);
		// The draft link no longer edits anything.
		await expect(removeFileFromDraft({ db: database.db, token, fileId: id, dataDir })).rejects.toMatchObject({ code: 'not_found' });
	});
});
