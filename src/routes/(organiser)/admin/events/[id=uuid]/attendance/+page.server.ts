import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as v from 'valibot';
import { getRuntime } from '#lib/server/runtime.ts';
import { getEventForOrganiser } from '#lib/server/events/queries.ts';
import { guardEvent, organiserCtx, UUID } from '#lib/server/http/organiser.ts';
import { failFromDomain, formObject } from '#lib/server/http/forms.ts';
import { parseInput } from '#lib/server/validation.ts';
import { attendancePreview, importAttendance, MAX_REPORT_BYTES, uploadAttendanceReport } from '#lib/server/registrations/attendance.ts';
import { issueCertificate, listCertificates } from '#lib/server/registrations/certificates.ts';
import { getRegistrationSettings, registrationStats } from '#lib/server/registrations/queries.ts';
import { certificateSettingsSchema, updateCertificateSettings } from '#lib/server/registrations/settings.ts';
import { CERTIFICATE_ROLES } from '#lib/server/registrations/schema.ts';
import { isLocale, LOCALES, pick, type Locale } from '#lib/i18n/localized.ts';




export const load: PageServerLoad = async ({ params, locals, url }) => {
	guardEvent(locals, params.id);
	const c = await organiserCtx(locals);
	const event = await getEventForOrganiser(c.db, params.id);
	if (!event) error(404, 'Not found');
	const l = locals.locale;
	const wanted = url.searchParams.get('edit');
	const editing: Locale = isLocale(wanted) ? wanted : l;
	const uploadId = url.searchParams.get('upload') ?? '';
	const [preview, stats, settings, certificates] = await Promise.all([
		UUID.test(uploadId) ? attendancePreview(c, event.id, uploadId) : null,
		registrationStats(locals.actor, c.db, event.id),
		getRegistrationSettings(c.db, event.id),
		listCertificates(c, event.id)
	]);
	return {
		saved: url.searchParams.get('saved'),
		editing,
		maxMegabytes: MAX_REPORT_BYTES / 1024 / 1024,
		event: { id: event.id, title: pick(event.title, l) },
		sessions: stats.bySession.map((s) => ({ id: s.sessionId, title: pick(s.title, l).text, confirmed: s.confirmed, attended: s.attended })),
		// Reports come after a session: the upload offers the latest one that has begun.
		latestStarted: event.sessions.filter((s) => s.startsAt <= new Date()).at(-1)?.id ?? null,
		preview: preview && { ...preview, session: event.sessions.find((s) => s.id === preview.sessionId) ? pick(event.sessions.find((s) => s.id === preview.sessionId)!.title, l).text : '' },
		settings: {
			text: settings.certificateText[editing] ?? '',
			signatories: settings.signatories.map((s) => (s.role ? `${s.name} — ${s.role}` : s.name)).join('\n'),
			minAttendancePercent: String(settings.minAttendancePercent)
		},
		certificates: certificates.map((c) => ({ id: c.id, name: c.name, email: c.email, role: c.role, code: c.code, issuedAt: c.issuedAt }))
	};
};

const issueSchema = v.object({
	name: v.pipe(v.string(), v.trim(), v.minLength(2, 'required'), v.maxLength(200, 'too_long')),
	email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('email'), v.maxLength(254, 'too_long')),
	role: v.picklist(CERTIFICATE_ROLES, 'invalid'),
	locale: v.picklist(LOCALES, 'invalid')
});

export const actions: Actions = {
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
			uploadId = await uploadAttendanceReport({ ctx: await organiserCtx(locals), eventId: params.id, sessionId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
		} catch (e) {
			return failFromDomain(e, { action: 'upload' });
		}
		redirect(303, `${url.pathname}?upload=${uploadId}#import`);
	},
	import: async ({ request, locals, params }) => {
		guardEvent(locals, params.id);
		const values = formObject(await request.formData());
		const column = (s: string | undefined) => (/^\d{1,3}$/.test(s ?? '') ? Number(s) : -1);
		if (!UUID.test(values.uploadId ?? '')) return fail(404, { action: 'import', errors: { _: 'not_found' } });
		try {
			const report = await importAttendance({ ctx: await organiserCtx(locals), eventId: params.id, uploadId: values.uploadId, emailColumn: column(values.emailColumn), minutesColumn: column(values.minutesColumn) });
			return { action: 'import', report };
		} catch (e) {
			return failFromDomain(e, { action: 'import' });
		}
	},
	certificateSettings: async ({ request, locals, params, url }) => {
		guardEvent(locals, params.id);
		const values = formObject(await request.formData());
		const parsed = parseInput(certificateSettingsSchema, values);
		if (!parsed.ok) return fail(422, { action: 'certificateSettings', values, errors: parsed.errors });
		try {
			await updateCertificateSettings({ ctx: await organiserCtx(locals), eventId: params.id, input: parsed.value });
		} catch (e) {
			return failFromDomain(e, { action: 'certificateSettings', values });
		}
		redirect(303, `${url.pathname}?edit=${parsed.value.locale}&saved=certificates#certificates`);
	},
	issue: async ({ request, locals, params, url }) => {
		guardEvent(locals, params.id);
		const values = formObject(await request.formData());
		const parsed = parseInput(issueSchema, values);
		if (!parsed.ok) return fail(422, { action: 'issue', values, errors: parsed.errors });
		const { registrations } = await getRuntime();
		try {
			await issueCertificate({ ctx: await organiserCtx(locals), env: registrations, eventId: params.id, input: parsed.value });
		} catch (e) {
			return failFromDomain(e, { action: 'issue', values });
		}
		redirect(303, `${url.pathname}?saved=issued#issued`);
	}
};
