import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import {
	copyExchange,
	copyExchangeSchema,
	keepsWeekday,
	manageableNetworks,
	shiftedSessionTimes,
	suggestedCopySlug,
	suggestedCopyTitle,
	suggestedFirstDate,
	withAddressFromTitle
} from '#lib/server/exchanges/index.ts';
import { formAction } from '#lib/server/http/action.ts';
import { formFields, formValue } from '#lib/server/http/forms.ts';
import { copySourceEvent } from '#lib/server/http/organiser.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { parseInput } from '#lib/server/validation.ts';
import { pick } from '#lib/i18n/localized.ts';
import { utcToZonedWallTime } from '#lib/time.ts';

const FIELDS = ['title', 'slug', 'networkId', 'unitId', 'firstSessionDate'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const load: PageServerLoad = async ({ locals, params }) => {
	const networks = await manageableNetworks(locals.ctx);
	const source = await copySourceEvent(locals, params.id, networks.length > 0);
	const first = source.sessions[0];
	const firstDate = first ? utcToZonedWallTime(first.startsAt, source.timeZone).date : null;
	const today = utcToZonedWallTime(new Date(), source.timeZone).date;
	const date = firstDate ? suggestedFirstDate(firstDate, today) : '';
	const year = Number((date || today).slice(0, 4));
	const title = suggestedCopyTitle(source.title.es, year);
	const networkId = networks.some((n) => n.id === source.networkId) ? source.networkId : (networks[0]?.id ?? '');
	return {
		origin: locals.ctx.origin,
		source: {
			id: source.id,
			heading: pick(source.title, locals.locale),
			timeZone: source.timeZone,
			firstDate,
			sessions: source.sessions.length
		},
		networks: networks.map((n) => ({ id: n.id, name: n.name, units: n.units.map((u) => ({ id: u.id, name: pick(u.name, locals.locale).text })) })),
		defaults: {
			title,
			slug: suggestedCopySlug(source.slug, title, year),
			networkId,
			unitId: networkId === source.networkId ? (source.unitId ?? '') : '',
			firstSessionDate: date
		}
	};
};

/** The form's fields as posted (trimmed), an empty address made from the title. */
function posted(form: FormData): Record<(typeof FIELDS)[number], string> {
	const fields = formFields(form);
	return withAddressFromTitle(Object.fromEntries(FIELDS.map((f) => [f, formValue(fields, f)])) as Record<(typeof FIELDS)[number], string>);
}

export const actions: Actions = {
	// "Preview dates": the same form re-rendered with where each session will land, nothing saved.
	preview: async (event: RequestEvent) => {
		const source = await copySourceEvent(event.locals, event.params.id, (await manageableNetworks(event.locals.ctx)).length > 0);
		const form = await event.request.formData().catch(() => null);
		if (!form) return fail(400, { action: 'preview', errors: { _: 'invalid' } });
		const values = posted(form);
		const date = values.firstSessionDate;
		const plan = DATE.test(date) ? shiftedSessionTimes(source.sessions, source.timeZone, date) : null;
		if (!plan) return fail(422, { action: 'preview', values, errors: { firstSessionDate: date ? 'date' : 'required' } });
		const firstDate = source.sessions[0] ? utcToZonedWallTime(source.sessions[0].startsAt, source.timeZone).date : date;
		return {
			action: 'preview',
			values,
			preview: {
				date,
				keepsWeekday: keepsWeekday(firstDate, date),
				sessions: plan.sessions.map((s, i) => ({
					title: pick(s.title, event.locals.locale),
					startsAt: s.startsAt,
					endsAt: s.endsAt,
					before: { startsAt: source.sessions[i].startsAt, endsAt: source.sessions[i].endsAt }
				}))
			}
		};
	},
	create: formAction({
		name: 'create',
		guard: async (event: RequestEvent) => {
			await copySourceEvent(event.locals, event.params.id, (await manageableNetworks(event.locals.ctx)).length > 0);
		},
		parse: async (form, event) => {
			const parsed = parseInput(copyExchangeSchema, posted(form));
			if (!parsed.ok) return parsed;
			const network = (await manageableNetworks(event.locals.ctx)).find((n) => n.id === parsed.value.networkId);
			if (!network) return { ok: false, errors: { networkId: 'forbidden' } };
			if (parsed.value.unitId && !network.units.some((u) => u.id === parsed.value.unitId)) return { ok: false, errors: { unitId: 'unit_network' } };
			return parsed;
		},
		run: ({ ctx, input, event }) => copyExchange({ ctx, fromEventId: event.params.id, input }),
		done: (copied) => localizeHref(`/admin/events/${copied.id}`)
	})
};
