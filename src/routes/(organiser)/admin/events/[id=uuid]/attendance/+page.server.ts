import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as v from 'valibot';
import { emailSchema } from '#lib/server/email.ts';
import { editLocale, guardEvent, organisedEvent, UUID } from '#lib/server/http/organiser.ts';
import { formAction, type ActionSpec } from '#lib/server/http/action.ts';
import { failFromDomain, formObject } from '#lib/server/http/forms.ts';
import { parseInput, oneLine } from '#lib/server/validation.ts';
import { attendancePreview, importAttendance, MAX_REPORT_BYTES, uploadAttendanceReport } from '#lib/server/attendance/index.ts';
import { CERTIFICATE_ROLES, issueCertificate, listCertificates } from '#lib/server/certificates/index.ts';
import { certificateSettingsSchema, getRegistrationSettings, registrationStats, updateCertificateSettings } from '#lib/server/registrations/index.ts';
import { LOCALES, pick } from '#lib/i18n/localized.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const ctx = locals.ctx;
	const event = await organisedEvent(locals, params.id);
	const l = locals.locale;
	const editing = editLocale(url, l);
	const uploadId = url.searchParams.get('upload') ?? '';
	const [preview, stats, settings, certificates] = await Promise.all([
		UUID.test(uploadId) ? attendancePreview(ctx, { eventId: event.id, uploadId }) : null,
		registrationStats(ctx, event.id),
		getRegistrationSettings(ctx, event.id),
		listCertificates(ctx, event.id)
	]);
	const previewSession = preview && event.sessions.find((s) => s.id === preview.sessionId);
	return {
		saved: url.searchParams.get('saved'),
		editing,
		maxMegabytes: MAX_REPORT_BYTES / 1024 / 1024,
		event: { id: event.id, title: pick(event.title, l) },
		sessions: stats.bySession.map((s) => ({ id: s.sessionId, title: pick(s.title, l).text, confirmed: s.confirmed, attended: s.attended })),
		// Reports come after a session: the upload offers the latest one that has begun.
		latestStarted: event.sessions.filter((s) => s.startsAt <= new Date()).at(-1)?.id ?? null,
		preview: preview && { ...preview, session: previewSession ? pick(previewSession.title, l).text : '' },
		settings: {
			text: settings.certificateText[editing] ?? '',
			signatories: settings.signatories.map((s) => (s.role ? `${s.name} — ${s.role}` : s.name)).join('\n'),
			minAttendancePercent: String(settings.minAttendancePercent)
		},
		certificates: certificates.map((c) => ({ id: c.id, name: c.name, email: c.email, role: c.role, code: c.code, issuedAt: c.issuedAt }))
	};
};

const issueSchema = v.object({
	name: oneLine(200, 2),
	email: emailSchema,
	role: v.picklist(CERTIFICATE_ROLES, 'invalid'),
	locale: v.picklist(LOCALES, 'invalid')
});

/** This page's form actions: typed with its own params, refused to anyone but the event's organisers. */
const action = <I, R>(spec: ActionSpec<I, R, RequestEvent>) => formAction<I, R, RequestEvent>(spec);
const guard = (event: RequestEvent) => guardEvent(event.locals, event.params.id);

export const actions: Actions = {
	// Hand-written: a file upload, checked for size before the domain reads it.
	upload: async ({ request, locals, params, url }) => {
		guardEvent(locals, params.id);
		const form = await request.formData();
		const sessionId = String(form.get('sessionId') ?? '');
		const file = form.get('report');
		if (!UUID.test(sessionId)) return fail(422, { action: 'upload', errors: { sessionId: 'required' } });
		if (!(file instanceof File) || file.size === 0) return fail(422, { action: 'upload', errors: { report: 'file_empty' } });
		if (file.size > MAX_REPORT_BYTES) return fail(413, { action: 'upload', errors: { report: 'report_too_big' } });
		let uploadId: string;
		try {
			uploadId = await uploadAttendanceReport({ ctx: locals.ctx, eventId: params.id, sessionId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
		} catch (e) {
			return failFromDomain(e, { action: 'upload' });
		}
		redirect(303, `${url.pathname}?upload=${uploadId}#import`);
	},
	// Hand-written: the import answers with its report on the same page, not a redirect.
	import: async ({ request, locals, params }) => {
		guardEvent(locals, params.id);
		const values = formObject(await request.formData());
		const column = (s: string | undefined) => (/^\d{1,3}$/.test(s ?? '') ? Number(s) : -1);
		if (!UUID.test(values.uploadId ?? '')) return fail(404, { action: 'import', errors: { _: 'not_found' } });
		try {
			const report = await importAttendance({ ctx: locals.ctx, eventId: params.id, uploadId: values.uploadId, emailColumn: column(values.emailColumn), minutesColumn: column(values.minutesColumn) });
			return { action: 'import', report };
		} catch (e) {
			return failFromDomain(e, { action: 'import' });
		}
	},
	certificateSettings: action({
		name: 'certificateSettings',
		guard,
		parse: (form) => parseInput(certificateSettingsSchema, formObject(form)),
		run: ({ ctx, input, event }) => updateCertificateSettings({ ctx, eventId: event.params.id, input }),
		done: (_, { url }, input) => `${url.pathname}?edit=${input.locale}&saved=certificates#certificates`
	}),
	issue: action({
		name: 'issue',
		guard,
		parse: (form) => parseInput(issueSchema, formObject(form)),
		run: ({ ctx, input, event }) => issueCertificate({ ctx, eventId: event.params.id, input }),
		done: (_, { url }) => `${url.pathname}?saved=issued#issued`
	})
};
