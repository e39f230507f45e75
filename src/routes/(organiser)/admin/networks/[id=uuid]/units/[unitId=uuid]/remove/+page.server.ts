import { error } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canRemoveUnit, removeUnit } from '#lib/server/networks/index.ts';
import { formAction, type ActionSpec } from '#lib/server/http/action.ts';
import { editLocale, guardNetwork, organisedNetwork } from '#lib/server/http/organiser.ts';
import { pick } from '#lib/i18n/localized.ts';

// Removing a unit is asked first: this page says whether exchanges belong to it (then it cannot go); only its confirm post acts.
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const network = await organisedNetwork(locals, params.id);
	const unit = network.units.find((u) => u.id === params.unitId);
	if (!unit) error(404, 'Not found');
	const edit = editLocale(url, locals.locale);
	return {
		network: { id: network.id, name: network.name },
		unit: { id: unit.id, name: pick(unit.name, locals.locale), exchanges: unit.exchanges, removable: canRemoveUnit(unit) },
		edit,
		back: `/admin/networks/${network.id}?edit=${edit}#units`
	};
};

/** The confirm form posts the unit's id: a post without it (stray or forged) removes nothing (422). */
const confirmed = (form: FormData, id: string) =>
	String(form.get('confirm') ?? '').toLowerCase() === id ? { ok: true as const, value: id } : { ok: false as const, errors: { _: 'invalid' } };
type ConfirmEvent = RequestEvent<{ id: string; unitId: string }>;
const action = <I, R>(spec: ActionSpec<I, R, ConfirmEvent>) => formAction<I, R, ConfirmEvent>(spec);

export const actions: Actions = {
	remove: action({
		name: 'remove',
		guard: (event) => guardNetwork(event.locals, event.params.id),
		parse: (form, event) => confirmed(form, event.params.unitId),
		run: ({ ctx, event }) => removeUnit({ ctx, networkId: event.params.id, unitId: event.params.unitId }),
		done: (_, { url, locals }) => `${url.pathname.replace(/\/units\/[^/]+\/remove$/, '')}?edit=${editLocale(url, locals.locale)}&saved=units#units`
	})
};
