import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	addUnit,
	MAX_LOGO_BYTES,
	moveUnit,
	networkEditSchema,
	removeNetworkLogo,
	setNetworkLogo,
	unitEditSchema,
	unitSchema,
	updateNetwork,
	updateUnit,
	UNIT_MOVES,
	type UnitMove
} from '#lib/server/networks/index.ts';
import { formAction, type ActionSpec } from '#lib/server/http/action.ts';
import { formObject } from '#lib/server/http/forms.ts';
import { editLocale, guardNetwork, organisedNetwork, UUID } from '#lib/server/http/organiser.ts';
import { parseInput, type FieldErrors } from '#lib/server/validation.ts';
import { pick, type Locale } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const network = await organisedNetwork(locals, params.id);
	const l = editLocale(url, locals.locale);
	return {
		editing: l,
		saved: url.searchParams.get('saved'),
		network: {
			id: network.id,
			slug: network.slug,
			name: network.name,
			shortName: network.shortName,
			websiteUrl: network.websiteUrl ?? '',
			description: network.description[l] ?? '',
			spanishDescription: network.description.es ?? '',
			isDemo: network.isDemo,
			logo: network.logoVersion ? `/networks/${network.slug}/logo?v=${network.logoVersion}` : null,
			units: network.units.map((u) => ({
				id: u.id,
				position: u.position,
				name: u.name[l] ?? '',
				spanish: u.name.es,
				heading: pick(u.name, locals.locale),
				description: u.description[l] ?? '',
				exchanges: u.exchanges
			}))
		}
	};
};

type Parsed<I> = { ok: true; value: I } | { ok: false; errors: FieldErrors };
type EditorEvent = RequestEvent<{ id: string }>;
const action = <I, R>(spec: ActionSpec<I, R, EditorEvent>) => formAction<I, R, EditorEvent>(spec);
const guard = (event: EditorEvent) => guardNetwork(event.locals, event.params.id);
const echoId = (values: Record<string, string>) => ({ id: values.id });

/** Back to the section just saved, in the language being edited. */
const back = (url: URL, locale: string, section: string) => `${url.pathname}?edit=${locale}&saved=${section}#${section}`;
const editing = (event: EditorEvent): Locale => editLocale(event.url, event.locals.locale);

/** The unit a form is about: a malformed id in the body is "not found", never a database error. */
function withUnit<I>(form: FormData, parse: (values: Record<string, string>) => Parsed<I>): Parsed<I & { unitId: string }> {
	const values = formObject(form);
	if (!UUID.test(values.id ?? '')) return { ok: false, errors: { _: 'not_found' } };
	const parsed = parse(values);
	return parsed.ok ? { ok: true, value: { ...parsed.value, unitId: values.id.toLowerCase() } } : parsed;
}

export const actions: Actions = {
	save: action({
		name: 'save',
		guard,
		parse: (form) => parseInput(networkEditSchema, formObject(form)),
		run: ({ ctx, input, event }) => updateNetwork({ ctx, networkId: event.params.id, input }),
		done: (_, { url }, input) => back(url, input.locale, 'details')
	}),
	// The bytes are checked by the domain (PNG or JPEG by their content, never by the name or the browser's type).
	logo: action({
		name: 'logo',
		guard,
		parse: async (form) => {
			const file = form.get('logo');
			if (!(file instanceof File) || file.size === 0) return { ok: false, errors: { logo: 'file_empty' } };
			if (file.size > MAX_LOGO_BYTES) return { ok: false, errors: { logo: 'logo_too_big' } };
			return { ok: true, value: new Uint8Array(await file.arrayBuffer()) };
		},
		run: ({ ctx, input, event }) => setNetworkLogo({ ctx, networkId: event.params.id, bytes: input }),
		done: (_, event) => back(event.url, editing(event), 'logo')
	}),
	removeLogo: action({
		name: 'removeLogo',
		guard,
		parse: () => ({ ok: true, value: null }),
		run: ({ ctx, event }) => removeNetworkLogo({ ctx, networkId: event.params.id }),
		done: (_, event) => back(event.url, editing(event), 'logo')
	}),
	addUnit: action({
		name: 'addUnit',
		guard,
		parse: (form, event) => {
			const values = formObject(form);
			const l = editing(event);
			const key = `description${l[0].toUpperCase()}${l[1]}`;
			return parseInput(unitSchema, { nameEs: values.nameEs, namePt: values.namePt, nameEn: values.nameEn, [key]: values.description ?? '' });
		},
		run: ({ ctx, input, event }) => addUnit({ ctx, networkId: event.params.id, input }),
		done: (_, event) => back(event.url, editing(event), 'units')
	}),
	updateUnit: action({
		name: 'updateUnit',
		guard,
		echo: echoId,
		parse: (form) => withUnit(form, (values) => {
			const parsed = parseInput(unitEditSchema, values);
			return parsed.ok && parsed.value.locale === 'es' && parsed.value.name === '' ? { ok: false, errors: { name: 'required' } } : parsed;
		}),
		run: ({ ctx, input: { unitId, ...input }, event }) => updateUnit({ ctx, networkId: event.params.id, unitId, input }),
		done: (_, { url }, input) => back(url, input.locale, 'units')
	}),
	moveUnit: action({
		name: 'moveUnit',
		guard,
		echo: echoId,
		parse: (form) =>
			withUnit(form, (values) =>
				(UNIT_MOVES as readonly string[]).includes(values.direction ?? '') ? { ok: true, value: { direction: values.direction as UnitMove } } : { ok: false, errors: { _: 'invalid' } }
			),
		run: ({ ctx, input, event }) => moveUnit({ ctx, networkId: event.params.id, unitId: input.unitId, direction: input.direction }),
		done: (_, event) => back(event.url, editing(event), 'units')
	})
	// Removing a unit is confirmed on its own page first (units/[unitId]/remove), which says whether
	// exchanges belong to it: the editor links there.
};
