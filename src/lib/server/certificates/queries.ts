import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { assertCanManageEvent } from '../auth/index.ts';
import { event } from '../events/schema.ts';
import { certificate } from './schema.ts';
import { CODE_SHAPE, isValidCertificate } from './rules.ts';
import { certificateToken } from './mails.ts';
import type { Certificate } from './commands.ts';

/** The certificates of an event, for its organisers. */
export async function listCertificates(ctx: Ctx, eventId: string) {
	assertCanManageEvent(ctx, eventId);
	return ctx.db
		.select({ id: certificate.id, name: certificate.name, email: certificate.email, role: certificate.role, code: certificate.code, issuedAt: certificate.issuedAt })
		.from(certificate)
		.where(eq(certificate.eventId, eventId))
		.orderBy(asc(certificate.role), asc(certificate.name));
}

/** An organiser-issued certificate behind its private link (the id comes through the uuid param matcher). */
export async function certificateByLink(ctx: Ctx, { id, token }: { id: string; token: string }): Promise<Certificate | null> {
	if (token !== certificateToken(ctx.secret, id)) return null;
	const [row] = await ctx.db.select().from(certificate).where(eq(certificate.id, id));
	return row && isValidCertificate(row) ? row : null;
}

/** What the public verification page may say: the name, the event and the role — nothing more. */
export async function verifyCertificate(ctx: Ctx, code: string) {
	const clean = code.trim().toUpperCase();
	if (!CODE_SHAPE.test(clean)) return null;
	const [row] = await ctx.db
		.select({ name: certificate.name, role: certificate.role, revokedAt: certificate.revokedAt, eventTitle: event.title, eventSlug: event.slug })
		.from(certificate)
		.innerJoin(event, eq(event.id, certificate.eventId))
		.where(eq(certificate.code, clean));
	return row ?? null;
}
