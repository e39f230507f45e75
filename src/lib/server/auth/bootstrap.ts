import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/log.ts';
import { outbox } from '../mail/schema.ts';
import { countInstallationOrganisers, ensureUser, grantRole } from './roles.ts';

/** On an installation with no organiser, make ORGANISER_EMAIL the first one (no password). */
export async function ensureFirstOrganiser(db: Db, email: string): Promise<{ created: boolean }> {
	return db.transaction(async (tx) => {
		if ((await countInstallationOrganisers(tx)) > 0) return { created: false };
		const userId = await ensureUser(tx, { email, name: email.split('@')[0] });
		await grantRole(tx, { userId, role: 'organiser', eventId: null });
		await recordAudit(tx, null, {
			action: 'organiser.bootstrapped',
			entity: 'user',
			entityId: userId,
			details: { email }
		});
		return { created: true };
	});
}

/** The link of the newest sign-in mail to this person, as stored in the outbox. */
export async function latestMagicLink(db: Db, email: string): Promise<string | null> {
	const [row] = await db
		.select({ payload: outbox.payload })
		.from(outbox)
		.where(and(eq(outbox.recipient, email), eq(outbox.template, 'magic-link')))
		.orderBy(desc(outbox.createdAt))
		.limit(1);
	const url = row?.payload?.url;
	return typeof url === 'string' ? url : null;
}
