import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getRuntime } from '#lib/server/runtime.ts';
import { archivePractice } from '#lib/server/practices/commands.ts';
import { commentOnPractice, practiceForModeration, publishSubmission, requestChanges } from '#lib/server/practices/submissions.ts';
import { articulationName, countryName, taxonomyLabels } from '#lib/server/practices/labels.ts';
import { PRACTICE_TEXT_FIELDS } from '#lib/server/practices/schema.ts';
import { changesRequestedMail, practicePublishedMail } from '#lib/server/mail/templates.ts';
import { failFromDomain } from '#lib/server/http/forms.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ params, locals, url }) => {
	if (!UUID.test(params.id)) error(404, 'Not found');
	const { database } = await getRuntime();
	const found = await practiceForModeration(database.db, params.id);
	if (!found) error(404, 'Not found');
	const labels = await taxonomyLabels(database.db, locals.locale);
	const p = found.practice;
	return {
		practice: p,
		comments: found.comments,
		texts: PRACTICE_TEXT_FIELDS.filter((f) => p[f].trim() !== '').map((f) => ({ field: f, text: p[f] })),
		facts: {
			countries: p.countries.map((c) => countryName(c, locals.locale)).join(', '),
			articulation: articulationName(p.articulation, locals.locale),
			axes: p.axes.map((a) => labels.axes[a] ?? a).join(' · '),
			band: p.sizeBand ? labels.bands[p.sizeBand] : ''
		},
		done: url.searchParams.get('done')
	};
};

const text = async (request: Request, name: string) => String((await request.formData()).get(name) ?? '').trim();

export const actions: Actions = {
	comment: async ({ request, params, locals, url }) => {
		const body = await text(request, 'body');
		if (!body || body.length > 4000) return fail(422, { action: 'comment', errors: { body: body ? 'too_long' : 'required' } });
		const { database } = await getRuntime();
		try {
			await commentOnPractice({ ctx: { db: database.db, actor: locals.actor }, practiceId: params.id, body });
		} catch (e) {
			return failFromDomain(e, { action: 'comment' });
		}
		redirect(303, `${url.pathname}?done=comment`);
	},
	changes: async ({ request, params, locals, url }) => {
		const message = await text(request, 'message');
		if (!message || message.length > 4000) return fail(422, { action: 'changes', errors: { message: message ? 'too_long' : 'required' } });
		const { database, delivery, config } = await getRuntime();
		try {
			await requestChanges({
				ctx: { db: database.db, actor: locals.actor },
				practiceId: params.id,
				message,
				delivery,
				// The new link opens in the language the city wrote to us in.
				linkFor: (token, locale) => new URL(localizeHref(`/practices/submit/${token}`, { locale }), config.origin).toString(),
				mail: changesRequestedMail
			});
		} catch (e) {
			return failFromDomain(e, { action: 'changes' });
		}
		redirect(303, `${url.pathname}?done=changes`);
	},
	publish: async ({ params, locals }) => {
		const { database, delivery, config } = await getRuntime();
		let slug: string;
		try {
			const published = await publishSubmission({
				ctx: { db: database.db, actor: locals.actor },
				practiceId: params.id,
				delivery,
				mail: (p) => practicePublishedMail({ ...p, url: new URL(localizeHref(`/practices/${p.slug}`, { locale: p.locale }), config.origin).toString() })
			});
			slug = published.slug;
		} catch (e) {
			return failFromDomain(e, { action: 'publish' });
		}
		redirect(303, localizeHref(`/practices/${slug}`));
	},
	archive: async ({ params, locals, url }) => {
		const { database } = await getRuntime();
		try {
			await archivePractice({ ctx: { db: database.db, actor: locals.actor }, practiceId: params.id });
		} catch (e) {
			return failFromDomain(e, { action: 'archive' });
		}
		redirect(303, `${url.pathname}?done=archived`);
	}
};
