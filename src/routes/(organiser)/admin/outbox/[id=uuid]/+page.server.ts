import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { getOutboxMail } from '#lib/server/mail/outbox.ts';
import { retryMail } from '#lib/server/mail/commands.ts';
import { failFromDomain } from '#lib/server/http/forms.ts';
import { canReadInstallationRecords } from '#lib/server/auth/rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!canReadInstallationRecords(locals.actor)) error(403, 'Forbidden');
	if (!UUID.test(params.id)) error(404, 'Not found');
	const { database } = await getRuntime();
	const mail = await getOutboxMail(database.db, params.id);
	if (!mail) error(404, 'Not found');
	return { mail };
};

export const actions: Actions = {
	retry: async ({ locals, params, url }) => {
		if (!UUID.test(params.id)) error(404, 'Not found');
		const { database } = await getRuntime();
		try {
			await retryMail({ ctx: { db: database.db, actor: locals.actor }, mailId: params.id });
		} catch (e) {
			return failFromDomain(e);
		}
		redirect(303, url.pathname);
	}
};
