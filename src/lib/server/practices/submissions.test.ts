import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { Actor } from '../context.ts';
import { auditLog } from '../audit/schema.ts';
import { outbox } from '../mail/schema.ts';
import { changesRequestedMail, practicePublishedMail, practiceSubmittedMail, submissionLinkMail } from '../mail/templates.ts';
import { ensureFirstOrganiser } from '../auth/bootstrap.ts';
import {
	commentOnPractice,
	draftByToken,
	moderationQueue,
	practiceForModeration,
	publishSubmission,
	requestChanges,
	saveDraft,
	startSubmission,
	submitForReview
} from './submissions.ts';
import { getPracticePage } from './queries.ts';
import { searchPractices } from './search.ts';
import { CITY, practiceInput, searchParams } from './testing.ts';

const organiser: Actor = { userId: 'u1', email: 'org@example.org', name: 'Org', roles: [{ role: 'organiser', eventId: null }] };
const link = (token: string) => `http://localhost/practices/submit/${token}`;

describe.each(testDatabases())('a city submits a practice on $name', ({ open }) => {
	let database: Database;
	beforeAll(async () => {
		database = await open();
		await ensureFirstOrganiser(database.db, 'boss@example.org');
	});
	afterAll(() => database?.close());

	const start = () =>
		startSubmission({
			db: database.db,
			input: practiceInput({
				title: 'Ferias de economía social en plazas',
				summary: 'La intendencia abrió las plazas a ferias de emprendimientos barriales.',
				geonamesIds: [CITY.canelones],
				contactName: 'Lucía',
				contactEmail: 'lucia@canelones.example',
				axes: [],
				startYear: null
			}),
			locale: 'es',
			delivery: 'outbox-only',
			linkFor: link,
			mail: (p) => submissionLinkMail({ ...p, locale: 'es' })
		});

	it('keeps a draft behind a private link sent by mail, and only complete drafts go to review', async () => {
		const { token, practiceId } = await start();
		const [mail] = await database.db.select().from(outbox).where(eq(outbox.recipient, 'lucia@canelones.example'));
		expect(mail.body).toContain(link(token));
		expect(mail.template).toBe('practice-draft-link');
		expect(await draftByToken(database.db, 'x'.repeat(32))).toBeNull();
		const draft = await draftByToken(database.db, token);
		expect(draft?.values.title).toBe('Ferias de economía social en plazas');
		expect(draft?.editable).toBe(true);
		// A draft is not public: not searchable, no page.
		expect((await searchPractices(database.db, searchParams({ q: 'ferias' }))).total).toBe(0);
		expect(await getPracticePage(database.db, draft!.row.slug)).toBeNull();

		expect(await submitForReview({ db: database.db, token })).toEqual({ missing: ['axes', 'startYear', 'context', 'actions', 'results', 'lessons'] });
		await saveDraft({ db: database.db, token, change: { axes: ['participacion-ciudadana'], startYear: 2020, ongoing: true } });
		await saveDraft({
			db: database.db,
			token,
			change: { texts: { context: 'Plazas vacías.', actions: 'Ferias mensuales.', results: 'Más vida en las plazas.', lessons: 'Empezar chico.' } as never }
		});
		const saved = await draftByToken(database.db, token);
		expect(saved?.values.texts.context).toBe('Plazas vacías.');
		expect(saved?.values.title).toBe('Ferias de economía social en plazas');
		const notify = (p: { to: string; title: string; practiceId: string; round: number }) =>
			practiceSubmittedMail({ ...p, url: `http://localhost/admin/practices/${p.practiceId}`, locale: 'es' });
		expect(await submitForReview({ db: database.db, token, delivery: 'outbox-only', notify })).toEqual({ missing: [] });
		// The organisers who moderate are told, once.
		const notices = await database.db.select().from(outbox).where(eq(outbox.template, 'practice-submitted'));
		expect(notices.map((n) => [n.recipient, n.subject])).toEqual([['boss@example.org', 'Práctica para revisar: «Ferias de economía social en plazas»']]);
		await expect(saveDraft({ db: database.db, token, change: { title: 'Otro' } })).rejects.toMatchObject({ code: 'conflict' });
		expect((await moderationQueue(database.db)).map((q) => [q.id, q.status])).toEqual([[practiceId, 'submitted']]);
	});

	it('lets a moderator ask for changes with a new link, then publish, each step audited and mailed', async () => {
		const [queued] = await moderationQueue(database.db);
		const ctx = { db: database.db, actor: organiser };
		await commentOnPractice({ ctx, practiceId: queued.id, body: 'Revisar el año.' });
		let newToken = '';
		await requestChanges({
			ctx,
			practiceId: queued.id,
			message: 'Contanos qué costó.',
			delivery: 'outbox-only',
			linkFor: (t) => {
				newToken = t;
				return link(t);
			},
			mail: changesRequestedMail
		});
		const draft = await draftByToken(database.db, newToken);
		expect(draft?.row.status).toBe('changes_requested');
		expect(draft?.comments.map((c) => c.body)).toEqual(['Contanos qué costó.']);
		await saveDraft({ db: database.db, token: newToken, change: { texts: { resources: 'Equipo municipal y feriantes.' } as never } });
		expect(await submitForReview({ db: database.db, token: newToken })).toEqual({ missing: [] });

		await expect(publishSubmission({ ctx: { db: database.db, actor: null }, practiceId: queued.id, delivery: 'outbox-only', mail: () => { throw new Error('no'); } })).rejects.toMatchObject({ code: 'forbidden' });
		const published = await publishSubmission({
			ctx,
			practiceId: queued.id,
			delivery: 'outbox-only',
			mail: (p) => practicePublishedMail({ ...p, url: `http://localhost/practices/${p.slug}` })
		});
		expect(published.status).toBe('published');
		expect(await draftByToken(database.db, newToken)).toBeNull();
		expect((await searchPractices(database.db, searchParams({ q: 'ferias plazas' }))).hits.map((h) => h.slug)).toEqual([published.slug]);
		const page = await getPracticePage(database.db, published.slug);
		expect(page?.resources).toBe('Equipo municipal y feriantes.');

		const mails = await database.db.select({ template: outbox.template }).from(outbox).where(eq(outbox.recipient, 'lucia@canelones.example'));
		expect(mails.map((m) => m.template).sort()).toEqual(['practice-changes-requested', 'practice-draft-link', 'practice-published']);
		const audit = await database.db.select({ action: auditLog.action, actor: auditLog.actorEmail }).from(auditLog).where(eq(auditLog.entityId, queued.id));
		expect(audit.map((a) => a.action)).toEqual(['practice.submitted', 'practice.commented', 'practice.changes_requested', 'practice.submitted', 'practice.published']);
		const moderation = await practiceForModeration(database.db, queued.id);
		expect(moderation?.comments.map((c) => [c.body, c.toSubmitter])).toEqual([
			['Revisar el año.', false],
			['Contanos qué costó.', true]
		]);
	});
});
