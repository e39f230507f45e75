import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { ANONYMOUS } from '../context.ts';
import { anOrganiser, testCtx, TEST_ENV } from '../testing/factories.ts';
import { auditLog } from '../audit/schema.ts';
import { outbox } from '../mail/schema.ts';
import { ensureFirstOrganiser } from '../auth/index.ts';
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
} from './index.ts';
import { getPracticePage } from './queries.ts';
import { searchPractices } from './search.ts';
import { CITY, practiceInput, searchParams } from './testing.ts';

const organiser = anOrganiser();
const link = (token: string) => `${TEST_ENV.origin}/practices/submit/${token}`;

describe.each(testDatabases())('a city submits a practice on $name', ({ open }) => {
	let database: Database;
	beforeAll(async () => {
		database = await open();
		await ensureFirstOrganiser(testCtx(database.db, { kind: 'system', job: 'bootstrap' }), 'boss@example.org');
	});
	afterAll(() => database?.close());

	const start = () =>
		startSubmission({
			ctx: testCtx(database.db, ANONYMOUS, { locale: 'es' }),
			input: practiceInput({
				title: 'Ferias de economía social en plazas',
				summary: 'La intendencia abrió las plazas a ferias de emprendimientos barriales.',
				geonamesIds: [CITY.canelones],
				contactName: 'Lucía',
				contactEmail: 'lucia@canelones.example',
				axes: [],
				startYear: null
			})
		});

	it('keeps a draft behind a private link sent by mail, and only complete drafts go to review', async () => {
		const { token, practiceId } = await start();
		const [mail] = await database.db.select().from(outbox).where(eq(outbox.recipient, 'lucia@canelones.example'));
		expect(mail.body).toContain(link(token));
		expect(mail.template).toBe('practice-draft-link');
		expect(await draftByToken(testCtx(database.db), 'x'.repeat(32))).toBeNull();
		const draft = await draftByToken(testCtx(database.db), token);
		expect(draft?.values.title).toBe('Ferias de economía social en plazas');
		expect(draft?.editable).toBe(true);
		// A draft is not public: not searchable, no page.
		expect((await searchPractices(testCtx(database.db), searchParams({ q: 'ferias' }))).total).toBe(0);
		expect(await getPracticePage(testCtx(database.db), { slug: draft!.row.slug })).toBeNull();

		expect(await submitForReview({ ctx: testCtx(database.db), token })).toEqual({ missing: ['axes', 'startYear', 'context', 'actions', 'results', 'lessons'] });
		await saveDraft({ ctx: testCtx(database.db), token, change: { axes: ['participacion-ciudadana'], startYear: 2020, ongoing: true } });
		await saveDraft({
			ctx: testCtx(database.db),
			token,
			change: { texts: { context: 'Plazas vacías.', actions: 'Ferias mensuales.', results: 'Más vida en las plazas.', lessons: 'Empezar chico.' } as never }
		});
		const saved = await draftByToken(testCtx(database.db), token);
		expect(saved?.values.texts.context).toBe('Plazas vacías.');
		expect(saved?.values.title).toBe('Ferias de economía social en plazas');
		expect(await submitForReview({ ctx: testCtx(database.db), token })).toEqual({ missing: [] });
		// The organisers who moderate are told, once.
		const notices = await database.db.select().from(outbox).where(eq(outbox.template, 'practice-submitted'));
		expect(notices.map((n) => [n.recipient, n.subject])).toEqual([['boss@example.org', 'Práctica para revisar: «Ferias de economía social en plazas»']]);
		expect(notices[0].body).toContain(`${TEST_ENV.origin}/admin/practices/${practiceId}`);
		await expect(saveDraft({ ctx: testCtx(database.db), token, change: { title: 'Otro' } })).rejects.toMatchObject({ code: 'conflict' });
		expect((await moderationQueue(testCtx(database.db))).map((q) => [q.id, q.status])).toEqual([[practiceId, 'submitted']]);
	});

	it('lets a moderator ask for changes with a new link, then publish, each step audited and mailed', async () => {
		const [queued] = await moderationQueue(testCtx(database.db));
		const ctx = testCtx(database.db, organiser);
		await commentOnPractice({ ctx, practiceId: queued.id, body: 'Revisar el año.' });
		await requestChanges({ ctx, practiceId: queued.id, message: 'Contanos qué costó.' });
		// The new link reaches the city by mail, in the language it wrote in; the old one is revoked.
		const [changes] = await database.db.select().from(outbox).where(eq(outbox.template, 'practice-changes-requested'));
		const newToken = (changes.payload as { url: string }).url.split('/').pop()!;
		expect(changes.body).toContain(link(newToken));
		const draft = await draftByToken(testCtx(database.db), newToken);
		expect(draft?.row.status).toBe('changes_requested');
		expect(draft?.comments.map((c) => c.body)).toEqual(['Contanos qué costó.']);
		await saveDraft({ ctx: testCtx(database.db), token: newToken, change: { texts: { resources: 'Equipo municipal y feriantes.' } as never } });
		expect(await submitForReview({ ctx: testCtx(database.db), token: newToken })).toEqual({ missing: [] });

		await expect(publishSubmission({ ctx: testCtx(database.db, ANONYMOUS), practiceId: queued.id })).rejects.toMatchObject({ code: 'forbidden' });
		const published = await publishSubmission({ ctx, practiceId: queued.id });
		expect(published.status).toBe('published');
		expect(await draftByToken(testCtx(database.db), newToken)).toBeNull();
		expect((await searchPractices(testCtx(database.db), searchParams({ q: 'ferias plazas' }))).hits.map((h) => h.slug)).toEqual([published.slug]);
		const page = await getPracticePage(testCtx(database.db), { slug: published.slug });
		expect(page?.resources).toBe('Equipo municipal y feriantes.');

		const mails = await database.db.select({ template: outbox.template, body: outbox.body }).from(outbox).where(eq(outbox.recipient, 'lucia@canelones.example'));
		expect(mails.map((m) => m.template).sort()).toEqual(['practice-changes-requested', 'practice-draft-link', 'practice-published']);
		expect(mails.find((m) => m.template === 'practice-published')?.body).toContain(`${TEST_ENV.origin}/practices/${published.slug}`);
		const audit = await database.db.select({ action: auditLog.action, kind: auditLog.actorKind, ref: auditLog.actorRef }).from(auditLog).where(eq(auditLog.entityId, queued.id));
		expect(audit.map((a) => a.action)).toEqual(['practice.submitted', 'practice.commented', 'practice.changes_requested', 'practice.submitted', 'practice.published']);
		// The city's steps are recorded as the draft's submitter, the moderators' as themselves.
		expect(audit.map((a) => a.kind)).toEqual(['submitter', 'user', 'user', 'submitter', 'user']);
		expect(audit[0].ref).toBe(queued.id);
		const moderation = await practiceForModeration(testCtx(database.db), { practiceId: queued.id });
		expect(moderation?.comments.map((c) => [c.body, c.toSubmitter])).toEqual([
			['Revisar el año.', false],
			['Contanos qué costó.', true]
		]);
	});
});
