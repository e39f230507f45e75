import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { constants, inflate } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError } from '../context.ts';
import { practice, practiceFile } from './schema.ts';

/** What a practice may carry: PDFs and slide decks, recognised by their content, not their name. */
const ALLOWED: Record<string, 'slides' | 'document' | 'image'> = {
	'application/pdf': 'document',
	'image/png': 'image',
	'image/jpeg': 'image',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'slides',
	'application/vnd.oasis.opendocument.presentation': 'slides',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
	'application/vnd.oasis.opendocument.text': 'document'
};
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILES_PER_PRACTICE = 10;
/** Photos are kept at most this wide (and high), re-encoded, without their metadata (location, camera). */
export const MAX_IMAGE_SIDE = 1600;
export const MAX_ALT_LENGTH = 300;

/**
 * A photo as it will be kept: turned upright, at most MAX_IMAGE_SIDE px on its longer side, re-encoded
 * (JPEG stays JPEG, PNG stays PNG) and with no EXIF, GPS or other metadata (sharp keeps none unless asked).
 */
export async function normaliseImage(bytes: Uint8Array, mime: 'image/png' | 'image/jpeg'): Promise<Uint8Array> {
	const { default: sharp } = await import('sharp');
	let image: import('sharp').Sharp;
	try {
		image = sharp(bytes, { limitInputPixels: 50_000_000, failOn: 'error' })
			.rotate()
			.resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true });
		image = mime === 'image/png' ? image.png({ compressionLevel: 9 }) : image.jpeg({ quality: 82, mozjpeg: true });
		return new Uint8Array(await image.toBuffer());
	} catch {
		throw new DomainError('invalid', 'file_type');
	}
}

const inflateAsync = promisify(inflate);
const uploadsDir = (dataDir: string) => path.resolve(dataDir, 'uploads');

/**
 * A safe display name: no path, no control, line-break or bidi characters, at most 120
 * characters, and an extension that says what the bytes are (a PDF named `.html` becomes `.pdf`).
 */
export function cleanName(name: string, ext: string): string {
	const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069"<>|*?:]/g, '').trim();
	const stem = base.replace(/\.[\p{L}\p{N}]{1,10}$/u, '').replace(/[.\s]+$/, '').slice(0, 120 - ext.length - 1).trim() || 'file';
	return `${stem}.${ext}`;
}

/** The PDF names that run something when a file opens or is used: scripts, auto-actions, launching programs. */
const ACTIVE_PDF_NAMES = ['JavaScript', 'JS', 'OpenAction', 'AA', 'Launch'];
/** A name ends at white space, a delimiter or the end of the text. */
const NAME_END = '(?=[\\s/\\[\\]<>(){}%]|$)';
/** Each character of a name, written plainly or as the `#xx` escape a PDF reader decodes. */
const nameChar = (c: string) => {
	const hex = c.charCodeAt(0).toString(16);
	return `(?:${c}|#${hex[0]}[${hex[1].toLowerCase()}${hex[1].toUpperCase()}])`;
};
/** One pass of a regular expression over the bytes, however many names a file holds. */
const ACTIVE_NAME = new RegExp(`/(?:${ACTIVE_PDF_NAMES.map((n) => [...n].map(nameChar).join('')).join('|')})${NAME_END}`);

/** Every name (`/Name`, with `#xx` escapes decoded) in a short stretch of PDF syntax (a dictionary). */
function pdfNames(text: string): string[] {
	return [...text.matchAll(/\/([^\s/[\]<>(){}%]+)/g)].map((m) => m[1].replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
}

/** What object streams of one file may inflate to, in all: past it, the file is refused (a zip bomb is not read). */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/**
 * Whether a PDF carries JavaScript or auto-actions. The names are looked for in the file's own
 * syntax and inside every compressed object stream (where PDF 1.5+ hides dictionaries), so a
 * script cannot hide behind `#xx` escapes or compression. An object stream that cannot be read
 * (another filter, broken, too big) counts as active: what cannot be checked is not accepted.
 * Other streams (pages, images, fonts) hold no dictionary a viewer acts on, so they are skipped.
 */
export async function pdfHasActiveContent(bytes: Uint8Array): Promise<boolean> {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
	if (ACTIVE_NAME.test(text)) return true;
	let budget = MAX_INFLATED_BYTES;
	let previousEnd = 0;
	let seen = 0;
	// Each stream: its dictionary stands between the object's start (or the last stream's end) and the keyword.
	for (let at = text.indexOf('stream'); at >= 0; at = text.indexOf('stream', at + 6)) {
		const eol = /^stream\r?\n/.exec(text.slice(at, at + 8));
		if (!eol || !/>>\s*$/.test(text.slice(Math.max(previousEnd, at - 64), at))) continue;
		const window = text.slice(Math.max(previousEnd, at - 4000), at);
		const dictionary = window.slice(Math.max(0, window.lastIndexOf(' obj')));
		const start = at + eol[0].length;
		const end = text.indexOf('endstream', start);
		if (end < 0) break;
		at = previousEnd = end;
		// Let other requests in now and then: a file may hold hundreds of thousands of streams.
		if (++seen % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
		if (!dictionary.includes('ObjStm') && !dictionary.includes('#')) continue;
		const names = pdfNames(dictionary);
		if (!names.includes('ObjStm')) continue;
		const filters = names.filter((n) => n.endsWith('Decode') || n === 'Fl');
		if (filters.length === 0) continue; // uncompressed: already read with the rest
		if (filters.length > 1 || (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl')) return true;
		try {
			const inflated = await inflateAsync(Buffer.from(text.slice(start, end), 'latin1'), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: budget });
			budget -= inflated.byteLength;
			if (ACTIVE_NAME.test(inflated.toString('latin1'))) return true;
		} catch {
			return true;
		}
	}
	return false;
}

/**
 * Keep a file for a practice. The bytes decide the type (a renamed text file is refused) and the
 * name's extension, PDFs with scripts or auto-actions are refused, the size is capped, and the
 * file is written before its row, so a row never points at nothing. It waits for a moderator.
 */
export async function attachFile({ ctx, practiceId, name, bytes: received, alt }: { ctx: Ctx; practiceId: string; name: string; bytes: Uint8Array; alt?: string }) {
	const { db, dataDir } = ctx;
	let bytes = received;
	if (bytes.byteLength === 0) throw new DomainError('invalid', 'file_empty');
	if (bytes.byteLength > MAX_FILE_BYTES) throw new DomainError('invalid', 'file_too_big');
	const type = await fileTypeFromBuffer(bytes);
	const kind = type ? ALLOWED[type.mime] : undefined;
	if (!type || !kind) throw new DomainError('invalid', 'file_type');
	if (type.mime === 'application/pdf' && (await pdfHasActiveContent(bytes))) throw new DomainError('invalid', 'file_pdf_active');
	// A photo says what it shows (alt text), and is kept resized, re-encoded, without metadata.
	const altText = kind === 'image' ? (alt ?? '').replace(/\s+/g, ' ').trim() : null;
	if (kind === 'image') {
		if (!altText) throw new DomainError('invalid', 'file_alt_required');
		if (altText.length > MAX_ALT_LENGTH) throw new DomainError('invalid', 'too_long');
		bytes = await normaliseImage(bytes, type.mime as 'image/png' | 'image/jpeg');
	}
	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(practiceFile).where(eq(practiceFile.practiceId, practiceId));
	if (n >= MAX_FILES_PER_PRACTICE) throw new DomainError('invalid', 'file_too_many');
	const id = randomUUID();
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const storedPath = path.join(sha256.slice(0, 2), `${id}.${type.ext}`);
	const full = path.join(uploadsDir(dataDir), storedPath);
	await fs.mkdir(path.dirname(full), { recursive: true });
	await fs.writeFile(full, bytes, { mode: 0o640 });
	try {
		await db.insert(practiceFile).values({ id, practiceId, kind, originalName: cleanName(name, type.ext), contentType: type.mime, size: bytes.byteLength, sha256, storedPath, altText });
	} catch (error) {
		await fs.rm(full, { force: true });
		throw error;
	}
	return { id, kind, contentType: type.mime };
}

/** Delete a file's row; its bytes go with `discardBytes` once the transaction holding the row is committed. */
export async function deleteFileRow(ctx: Pick<Ctx, 'db'>, { practiceId, fileId }: { practiceId: string; fileId: string }) {
	const [row] = await ctx.db
		.delete(practiceFile)
		.where(and(eq(practiceFile.id, fileId), eq(practiceFile.practiceId, practiceId)))
		.returning({ storedPath: practiceFile.storedPath, originalName: practiceFile.originalName });
	if (!row) throw new DomainError('not_found', 'not_found');
	return row;
}

export const discardBytes = (ctx: Pick<Ctx, 'dataDir'>, storedPath: string) => fs.rm(path.join(uploadsDir(ctx.dataDir), storedPath), { force: true });

export async function removeFile({ ctx, practiceId, fileId }: { ctx: Ctx; practiceId: string; fileId: string }) {
	const row = await deleteFileRow(ctx, { practiceId, fileId });
	await discardBytes(ctx, row.storedPath);
	return row;
}

const fileColumns = {
	id: practiceFile.id,
	kind: practiceFile.kind,
	altText: practiceFile.altText,
	originalName: practiceFile.originalName,
	contentType: practiceFile.contentType,
	size: practiceFile.size,
	review: practiceFile.review
};

/** Every file of a practice, approved or not, oldest first (for its submitter and its moderators). */
export async function listFiles(ctx: Pick<Ctx, 'db'>, { practiceId }: { practiceId: string }) {
	return ctx.db.select(fileColumns).from(practiceFile).where(eq(practiceFile.practiceId, practiceId)).orderBy(asc(practiceFile.createdAt));
}

/** The files the public sees: only those a moderator approved. */
export async function listPublicFiles(ctx: Pick<Ctx, 'db'>, { practiceId }: { practiceId: string }) {
	return ctx.db
		.select(fileColumns)
		.from(practiceFile)
		.where(and(eq(practiceFile.practiceId, practiceId), eq(practiceFile.review, 'approved')))
		.orderBy(asc(practiceFile.createdAt));
}

async function withBytes<T extends { storedPath: string }>(ctx: Pick<Ctx, 'dataDir'>, row: T | undefined) {
	if (!row) return null;
	return { ...row, bytes: await fs.readFile(path.join(uploadsDir(ctx.dataDir), row.storedPath)) };
}

const servedColumns = { originalName: practiceFile.originalName, contentType: practiceFile.contentType, size: practiceFile.size, storedPath: practiceFile.storedPath };

/** An approved file of a published practice, for download (null otherwise). */
export async function publishedFile(ctx: Pick<Ctx, 'db' | 'dataDir'>, { slug, fileId }: { slug: string; fileId: string }) {
	const [row] = await ctx.db
		.select(servedColumns)
		.from(practiceFile)
		.innerJoin(practice, eq(practice.id, practiceFile.practiceId))
		.where(and(eq(practiceFile.id, fileId), eq(practice.slug, slug), eq(practice.status, 'published'), eq(practiceFile.review, 'approved')));
	return withBytes(ctx, row);
}

/** Any file of a practice, whatever its state, for the moderator who reviews it (the caller checks the role). */
export async function storedFile(ctx: Pick<Ctx, 'db' | 'dataDir'>, { practiceId, fileId }: { practiceId: string; fileId: string }) {
	const [row] = await ctx.db.select(servedColumns).from(practiceFile).where(and(eq(practiceFile.id, fileId), eq(practiceFile.practiceId, practiceId)));
	return withBytes(ctx, row);
}

/**
 * The Content-Disposition of a served file: always a download (a PDF viewer runs a file's
 * scripts even under a sandbox CSP), with an ASCII fallback name and the real one encoded as
 * RFC 5987 says, so no quote, line break or non-ASCII character reaches the header raw.
 */
export function attachmentDisposition(name: string): string {
	const fallback = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\%;]/g, '').trim() || 'file';
	const encoded = encodeURIComponent(name.replace(/[\u0000-\u001f\u007f]/g, '')).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The headers every stored file is served with, public or private. */
export function fileHeaders(file: { contentType: string; originalName: string; bytes: Uint8Array }, cacheControl: string): Record<string, string> {
	return {
		'content-type': file.contentType,
		'content-length': String(file.bytes.byteLength),
		'content-disposition': attachmentDisposition(file.originalName),
		'content-security-policy': "sandbox; default-src 'none'",
		'x-content-type-options': 'nosniff',
		'cache-control': cacheControl
	};
}

/** A file's size as people read it, in their language: "850 kB", "2,4 MB". */
export function fileSizeText(bytes: number, locale: string): string {
	const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : bytes >= 1000 ? [bytes / 1000, 'kilobyte'] : [bytes, 'byte'];
	return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
