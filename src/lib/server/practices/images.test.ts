import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { testCtx } from '../testing/factories.ts';
import { attachFileToDraft, draftByToken, startSubmission } from './draft.ts';
import { MAX_IMAGE_SIDE, normaliseImage } from './files.ts';
import { CITY, practiceInput } from './testing.ts';

/** A 3000 × 2000 photo carrying EXIF (camera, and where it was taken). */
async function photo(format: 'jpeg' | 'png') {
	const image = sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 80, b: 40 } } }).withExif({
		IFD0: { Make: 'Câmera da prefeitura', Model: 'X1' },
		IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '34/1 54/1 0/1' }
	});
	return new Uint8Array(await (format === 'jpeg' ? image.jpeg() : image.png()).toBuffer());
}

describe('photos of a practice', () => {
	it('are kept at most 1600 px wide, re-encoded in their format, without metadata', async () => {
		for (const format of ['jpeg', 'png'] as const) {
			const before = await photo(format);
			expect((await sharp(before).metadata()).exif).toBeDefined();
			const after = await normaliseImage(before, `image/${format}`);
			const meta = await sharp(after).metadata();
			expect(meta.format).toBe(format);
			expect(meta.width).toBe(MAX_IMAGE_SIDE);
			expect(meta.height).toBe(1067);
			expect(meta.exif).toBeUndefined();
			expect(meta.icc).toBeUndefined();
		}
		// A small photo is not enlarged.
		const small = new Uint8Array(await sharp({ create: { width: 400, height: 300, channels: 3, background: '#fff' } }).png().toBuffer());
		expect((await sharp(await normaliseImage(small, 'image/png')).metadata()).width).toBe(400);
	});
});

describe.each(testDatabases())('photos in a draft on $name', ({ open }) => {
	let database: Database;
	let dataDir: string;
	beforeAll(async () => {
		database = await open();
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercambio-images-'));
	});
	afterAll(async () => {
		await database?.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('need their alt text, and are stored resized', async () => {
		const ctx = testCtx(database.db, undefined, { dataDir });
		const { token } = await startSubmission({
			ctx,
			input: practiceInput({ title: 'Plan con fotos', geonamesIds: [CITY.rafaela], contactEmail: 'a@example.org', contactName: 'A' })
		});
		const bytes = await photo('jpeg');
		await expect(attachFileToDraft({ ctx, token, name: 'plaza.jpg', bytes })).rejects.toMatchObject({ code: 'invalid', messageKey: 'file_alt_required' });
		await expect(attachFileToDraft({ ctx, token, name: 'plaza.jpg', bytes, alt: '   ' })).rejects.toMatchObject({ messageKey: 'file_alt_required' });
		await attachFileToDraft({ ctx, token, name: 'plaza.jpg', bytes, alt: ' Vecinas votan  en la plaza ' });
		const draft = await draftByToken(ctx, token);
		const [file] = draft!.files;
		expect(file).toMatchObject({ kind: 'image', contentType: 'image/jpeg', altText: 'Vecinas votan en la plaza', originalName: 'plaza.jpg' });
		expect(file.size).toBeLessThan(bytes.byteLength);
		expect(file.size).toBeGreaterThan(0);
	});
});
