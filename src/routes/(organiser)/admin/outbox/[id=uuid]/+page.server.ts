import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getOutboxMail, retryMail } from '#lib/server/mail/index.ts';
import { canReadInstallationRecords } from '#lib/server/auth/index.ts';
import { formAction } from '#lib/server/http/action.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!canReadInstallationRecords(locals.ctx.actor)) error(403, 'Forbidden');
	const mail = await getOutboxMail(locals.ctx, params.id);
	if (!mail) error(404, 'Not found');
	return { mail };
};

export const actions: Actions = {
	retry: formAction({
		guard: ({ locals }) => {
			if (!canReadInstallationRecords(locals.ctx.actor)) error(403, 'Forbidden');
		},
		parse: () => ({ ok: true as const, value: null }),
		run: ({ ctx, event }) => retryMail({ ctx, mailId: event.params.id }),
		done: (_, event) => event.url.pathname
	})
};
