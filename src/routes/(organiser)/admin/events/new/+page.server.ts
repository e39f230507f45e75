import type { Actions, PageServerLoad } from './$types';
import { createEvent, newEventSchema } from '#lib/server/events/index.ts';
import { manageableNetworks, withAddressFromTitle } from '#lib/server/exchanges/index.ts';
import { formAction } from '#lib/server/http/action.ts';
import { formFields, formValue } from '#lib/server/http/forms.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { parseInput } from '#lib/server/validation.ts';
import { pick } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const networks = await manageableNetworks(locals.ctx);
	return {
		origin: locals.ctx.origin,
		networks: networks.map((n) => ({ id: n.id, name: n.name, units: n.units.map((u) => ({ id: u.id, name: pick(u.name, locals.locale).text })) }))
	};
};

export const actions: Actions = {
	default: formAction({
		name: 'create',
		parse: async (form, event) => {
			const fields = formFields(form);
			const values = withAddressFromTitle({
				networkId: formValue(fields, 'networkId'),
				unitId: formValue(fields, 'unitId'),
				slug: formValue(fields, 'slug'),
				title: formValue(fields, 'title'),
				timeZone: formValue(fields, 'timeZone')
			});
			const parsed = parseInput(newEventSchema, { ...values, languages: ['es', ...(['pt', 'en'] as const).filter((l) => formValue(fields, `lang-${l}`) === 'on')] });
			if (!parsed.ok) return parsed;
			// The unit must be one of the chosen network's (the list groups every network's units).
			const network = (await manageableNetworks(event.locals.ctx)).find((n) => n.id === parsed.value.networkId);
			if (!network) return { ok: false, errors: { networkId: 'invalid' } };
			if (parsed.value.unitId && !network.units.some((u) => u.id === parsed.value.unitId)) return { ok: false, errors: { unitId: 'unit_network' } };
			return parsed;
		},
		run: ({ ctx, input }) => createEvent({ ctx, input }),
		done: (created) => localizeHref(`/admin/events/${created.id}`)
	})
};
