import { eq, sql } from 'drizzle-orm';
import { DomainError, inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { assertCanManageNetwork } from '../auth/index.ts';
import { network } from './schema.ts';
import { MAX_LOGO_BYTES, MAX_LOGO_SIDE } from './rules.ts';

export type LogoType = 'image/png' | 'image/jpeg';

/** What the bytes are, from their first bytes (the name and the type a browser sends are not trusted). */
export function logoTypeOf(bytes: Uint8Array): LogoType | null {
	const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
	if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
	return null;
}

/**
 * A logo as it is kept: PNG or JPEG (read from the bytes, and confirmed by the decoder), turned
 * upright, at most MAX_LOGO_SIDE px a side, re-encoded in its own format without metadata. SVG (it
 * can carry scripts), GIF, WebP and anything else is refused with `logo_type`; a file that claims to
 * be PNG or JPEG but does not decode, with `logo_unreadable`.
 */
export async function normaliseLogo(bytes: Uint8Array): Promise<{ bytes: Buffer; type: LogoType; width: number; height: number }> {
	if (bytes.byteLength === 0) throw new DomainError('invalid', 'file_empty');
	if (bytes.byteLength > MAX_LOGO_BYTES) throw new DomainError('invalid', 'logo_too_big');
	const type = logoTypeOf(bytes);
	if (!type) throw new DomainError('invalid', 'logo_type');
	const { default: sharp } = await import('sharp');
	try {
		const input = sharp(bytes, { limitInputPixels: 40_000_000, failOn: 'error' });
		const { format } = await input.metadata();
		if (format !== (type === 'image/png' ? 'png' : 'jpeg')) throw new DomainError('invalid', 'logo_type');
		const resized = input.rotate().resize({ width: MAX_LOGO_SIDE, height: MAX_LOGO_SIDE, fit: 'inside', withoutEnlargement: true });
		const encoded = type === 'image/png' ? resized.png({ compressionLevel: 9 }) : resized.jpeg({ quality: 85, mozjpeg: true });
		const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
		return { bytes: data, type, width: info.width, height: info.height };
	} catch (e) {
		if (e instanceof DomainError) throw e;
		throw new DomainError('invalid', 'logo_unreadable');
	}
}

/** An administrator or the network's organiser uploads its logo (replacing the one before). */
export async function setNetworkLogo({ ctx, networkId, bytes }: { ctx: Ctx; networkId: string; bytes: Uint8Array }) {
	assertCanManageNetwork(ctx, networkId);
	const logo = await normaliseLogo(bytes);
	await inTransaction(ctx, async (tx) => {
		const [row] = await tx.db
			.update(network)
			.set({ logo: logo.bytes, logoType: logo.type, updatedAt: sql`now()` })
			.where(eq(network.id, networkId))
			.returning({ name: network.name });
		if (!row) throw new DomainError('not_found', 'not_found');
		await recordAudit(tx, {
			action: 'network.logo_set',
			entity: 'network',
			entityId: networkId,
			details: { name: row.name, type: logo.type, width: logo.width, height: logo.height }
		});
	});
}

/** The network goes back to showing its name without a logo. */
export async function removeNetworkLogo({ ctx, networkId }: { ctx: Ctx; networkId: string }) {
	assertCanManageNetwork(ctx, networkId);
	await inTransaction(ctx, async (tx) => {
		const [current] = await tx.db.select({ name: network.name, logoType: network.logoType }).from(network).where(eq(network.id, networkId)).for('update');
		if (!current) throw new DomainError('not_found', 'not_found');
		if (current.logoType === null) return;
		await tx.db.update(network).set({ logo: null, logoType: null, updatedAt: sql`now()` }).where(eq(network.id, networkId));
		await recordAudit(tx, { action: 'network.logo_removed', entity: 'network', entityId: networkId, details: { name: current.name } });
	});
}
