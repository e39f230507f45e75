import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	approvePracticeFile,
	archivePractice,
	articulationName,
	commentOnPractice,
	countryName,
	filesAwaitingReview,
	fileSizeText,
	moderationActions,
	practiceForModeration,
	PRACTICE_TEXT_FIELDS,
	publishSubmission,
	removePracticeFile,
	requestChanges,
	sdgName,
	taxonomyLabels
} from '#lib/server/practices/index.ts';
import { formAction } from '#lib/server/http/action.ts';
import { UUID } from '#lib/server/http/organiser.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const found = await practiceForModeration(locals.ctx, { practiceId: params.id });
	if (!found) error(404, 'Not found');
	const labels = await taxonomyLabels(locals.ctx);
	const p = found.practice;
	return {
		practice: p,
		comments: found.comments,
		// Every file the city uploaded, each approved or removed before the practice is public.
		files: found.files.map((f) => ({ ...f, sizeText: fileSizeText(f.size, locals.locale) })),
		filesAwaitingReview: filesAwaitingReview(found.files),
		// Which buttons to show: the same rules the verbs apply.
		can: moderationActions(locals.ctx.actor, p.status),
		texts: PRACTICE_TEXT_FIELDS.filter((f) => p[f].trim() !== '').map((f) => ({ field: f, text: p[f] })),
		facts: {
			countries: p.countries.map((c) => countryName(c, locals.locale)).join(', '),
			articulation: articulationName(p.articulation, locals.locale),
			axes: p.axes.map((a) => labels.axes[a] ?? a).join(' · '),
			band: p.sizeBand ? labels.bands[p.sizeBand] : '',
			// What the public page will show beside the texts: SDGs by name, keywords as written.
			sdgs: p.sdgs.map((n) => sdgName(n, locals.locale)),
			tags: p.tags
		},
		done: url.searchParams.get('done')
	};
};

/** A moderator's message: required, at most 4,000 characters. */
const message = (form: FormData, field: string) => {
	const text = String(form.get(field) ?? '').trim();
	if (!text || text.length > 4000) return { ok: false as const, errors: { [field]: text ? 'too_long' : 'required' } };
	return { ok: true as const, value: text };
};
const nothing = () => ({ ok: true as const, value: null });
/** The file a per-file button names (a form field, so no param matcher has checked it). */
const fileId = (form: FormData) => {
	const id = String(form.get('fileId') ?? '');
	return UUID.test(id) ? { ok: true as const, value: id.toLowerCase() } : { ok: false as const, errors: { _: 'not_found' } };
};

export const actions: Actions = {
	comment: formAction({
		name: 'comment',
		parse: (form) => message(form, 'body'),
		run: ({ ctx, input, event }) => commentOnPractice({ ctx, practiceId: event.params.id, body: input }),
		done: (_, { url }) => `${url.pathname}?done=comment`
	}),
	changes: formAction({
		name: 'changes',
		parse: (form) => message(form, 'message'),
		run: ({ ctx, input, event }) => requestChanges({ ctx, practiceId: event.params.id, message: input }),
		done: (_, { url }) => `${url.pathname}?done=changes`
	}),
	publish: formAction({
		name: 'publish',
		parse: nothing,
		run: ({ ctx, event }) => publishSubmission({ ctx, practiceId: event.params.id }),
		done: (published) => localizeHref(`/practices/${published.slug}`)
	}),
	approveFile: formAction({
		name: 'approveFile',
		parse: fileId,
		run: ({ ctx, input, event }) => approvePracticeFile({ ctx, practiceId: event.params.id, fileId: input }),
		done: (_, { url }) => `${url.pathname}?done=file_approved`
	}),
	removeFile: formAction({
		name: 'removeFile',
		parse: fileId,
		run: ({ ctx, input, event }) => removePracticeFile({ ctx, practiceId: event.params.id, fileId: input }),
		done: (_, { url }) => `${url.pathname}?done=file_removed`
	}),
	archive: formAction({
		name: 'archive',
		parse: nothing,
		run: ({ ctx, event }) => archivePractice({ ctx, practiceId: event.params.id }),
		done: (_, { url }) => `${url.pathname}?done=archived`
	})
};
