import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import { practice, practiceFile } from './schema.ts';

/** What a practice may carry: PDFs and slide decks, recognised by their content, not their name. */
const ALLOWED: Record<string, 'slides' | 'document'> = {
	'application/pdf': 'document',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'slides',
	'application/vnd.oasis.opendocument.presentation': 'slides',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
	'application/vnd.oasis.opendocument.text': 'document'
};
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILES_PER_PRACTICE = 10;

const uploadsDir = (dataDir: string) => path.resolve(dataDir, 'uploads');

/** A safe display name: no path, no control characters, at most 120 characters. */
function cleanName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? 'file';
	return base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim().slice(-120) || 'file';
}

/**
 * Keep a file for a practice. The bytes decide the type (a renamed text file is refused), the
 * size is capped, and the file is written before its row, so a row never points at nothing.
 */
export async function attachFile({ ctx, practiceId, name, bytes }: { ctx: Ctx; practiceId: string; name: string; bytes: Uint8Array }) {
	const { db, dataDir } = ctx;
	if (bytes.byteLength === 0) throw new DomainError('invalid', 'file_empty');
	if (bytes.byteLength > MAX_FILE_BYTES) throw new DomainError('invalid', 'file_too_big');
	const type = await fileTypeFromBuffer(bytes);
	const kind = type ? ALLOWED[type.mime] : undefined;
	if (!type || !kind) throw new DomainError('invalid', 'file_type');
	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(practiceFile).where(eq(practiceFile.practiceId, practiceId));
	if (n >= MAX_FILES_PER_PRACTICE) throw new DomainError('invalid', 'file_too_many');
	const id = randomUUID();
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const storedPath = path.join(sha256.slice(0, 2), `${id}.${type.ext}`);
	const full = path.join(uploadsDir(dataDir), storedPath);
	await fs.mkdir(path.dirname(full), { recursive: true });
	await fs.writeFile(full, bytes, { mode: 0o640 });
	try {
		await db.insert(practiceFile).values({ id, practiceId, kind, originalName: cleanName(name), contentType: type.mime, size: bytes.byteLength, sha256, storedPath });
	} catch (error) {
		await fs.rm(full, { force: true });
		throw error;
	}
	return { id, kind, contentType: type.mime };
}

export async function removeFile({ ctx, practiceId, fileId }: { ctx: Ctx; practiceId: string; fileId: string }) {
	const [row] = await ctx.db
		.delete(practiceFile)
		.where(and(eq(practiceFile.id, fileId), eq(practiceFile.practiceId, practiceId)))
		.returning({ storedPath: practiceFile.storedPath });
	if (!row) throw new DomainError('not_found', 'not_found');
	await fs.rm(path.join(uploadsDir(ctx.dataDir), row.storedPath), { force: true });
}

/** The files of a practice, oldest first. */
export async function listFiles(ctx: Pick<Ctx, 'db'>, { practiceId }: { practiceId: string }) {
	return ctx.db
		.select({ id: practiceFile.id, kind: practiceFile.kind, originalName: practiceFile.originalName, contentType: practiceFile.contentType, size: practiceFile.size })
		.from(practiceFile)
		.where(eq(practiceFile.practiceId, practiceId))
		.orderBy(asc(practiceFile.createdAt));
}

/** A file of a published practice, for download (null when the practice is not public). */
export async function publishedFile(ctx: Pick<Ctx, 'db' | 'dataDir'>, { slug, fileId }: { slug: string; fileId: string }) {
	const [row] = await ctx.db
		.select({ originalName: practiceFile.originalName, contentType: practiceFile.contentType, size: practiceFile.size, storedPath: practiceFile.storedPath })
		.from(practiceFile)
		.innerJoin(practice, eq(practice.id, practiceFile.practiceId))
		.where(and(eq(practiceFile.id, fileId), eq(practice.slug, slug), eq(practice.status, 'published')));
	if (!row) return null;
	return { ...row, bytes: await fs.readFile(path.join(uploadsDir(ctx.dataDir), row.storedPath)) };
}
