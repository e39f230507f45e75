// The public page of an exchange, at the level of its loads: a draft is a preview for its
// organisers only (404 for anyone else, never cached), an old address answers 308, and the
// phase the page says comes from the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { testDatabases } from '#lib/server/db/testing.ts';
import type { Database } from '#lib/server/db/client.ts';
import type { Actor } from '#lib/server/context.ts';
import { seedDemoExchange } from '#lib/server/demo/index.ts';
import { event, eventSession } from '#lib/server/events/schema.ts';
import { archiveEvent, changeEventSlug } from '#lib/server/events/index.ts';
import { publishExchange } from '#lib/server/exchanges/index.ts';
import { anExchange, hoursFrom, type SessionHours } from '#lib/server/exchanges/testing.ts';
import { ANONYMOUS } from '#lib/server/context.ts';
import { anEventOrganiser, anOrganiser, aStranger, testCtx, unique } from '#lib/server/testing/factories.ts';
import { load as layoutLoad } from '../../../routes/(public)/events/[slug=slug]/+layout.server.ts';
import { load as pageLoad } from '../../../routes/(public)/events/[slug=slug]/+page.server.ts';

type PageData = Exclude<Awaited<ReturnType<typeof pageLoad>>, void>;

describe.each(testDatabases())('the public page of an exchange on $name', ({ open }) => {
	let database: Database;
	let networkId: string;
	const now = new Date();
	const sessionRows = async (eventId: string, sessions: SessionHours[], at: Date) => {
		const ids: string[] = [];
		for (const [i, [start, end]] of sessions.entries()) {
			const [row] = await database.db
				.insert(eventSession)
				.values({ eventId, position: i + 1, title: { es: `Sesión ${i + 1}` }, startsAt: hoursFrom(at, start), endsAt: hoursFrom(at, end) })
				.returning({ id: eventSession.id });
			ids.push(row.id);
		}
		return ids;
	};

	/** GET the page (layout, then page) as someone: its data, its headers, or the status it answers. */
	async function visit(slug: string, actor: Actor = ANONYMOUS, path = `/events/${slug}`) {
		const locals = { ctx: testCtx(database.db, actor), locale: 'es' as const, user: null, requestId: 'test' };
		const url = new URL(`http://intercambio.test${path}`);
		const headers: Record<string, string> = {};
		try {
			const layout = await layoutLoad({ params: { slug }, locals, url } as never);
			const data = (await pageLoad({ params: { slug }, locals, url, parent: async () => layout, setHeaders: (h: Record<string, string>) => Object.assign(headers, h) } as never)) as PageData;
			return { status: 200, data, headers };
		} catch (e) {
			if (isRedirect(e)) return { status: e.status, location: e.location };
			if (isHttpError(e)) return { status: e.status };
			throw e;
		}
	}

	beforeAll(async () => {
		database = await open();
		const seeded = await seedDemoExchange(testCtx(database.db, { kind: 'system', job: 'seed' }));
		const [demo] = await database.db.select({ networkId: event.networkId }).from(event).where(eq(event.id, seeded.eventId!));
		networkId = demo.networkId;
	});
	afterAll(() => database?.close());

	it('shows a draft to its organisers as a preview, uncached, and to nobody else', async () => {
		const draft = await anExchange(database.db, { networkId, now, sessions: [[48, 50]], addSessionRows: sessionRows });
		for (const actor of [ANONYMOUS, aStranger(), anEventOrganiser('00000000-0000-4000-8000-000000000000')]) {
			expect((await visit(draft.slug, actor)).status).toBe(404);
		}
		for (const actor of [anOrganiser(), anEventOrganiser(draft.id)]) {
			const seen = await visit(draft.slug, actor);
			expect(seen.status).toBe(200);
			expect(seen.headers).toEqual({ 'cache-control': 'private, no-store' });
			// What the page will say once published, and no registration before then.
			expect(seen.data).toMatchObject({ preview: true, phase: 'registration_closed', registration: { open: false, closed: { kind: 'draft' } } });
			expect(seen.data!.event.sessions.map((s: object) => Object.keys(s).sort())).toEqual([['endsAt', 'id', 'startsAt', 'title']]);
		}
		await publishExchange({ ctx: testCtx(database.db, anOrganiser()), eventId: draft.id });
		const after = await visit(draft.slug);
		expect(after).toMatchObject({ status: 200, headers: {}, data: { preview: false, phase: 'registration_open', registration: { open: true, closed: null } } });
	});

	it('answers an old address with 308 to the current one, for the page and its sub-pages, keeping the language and the query', async () => {
		const ex = await anExchange(database.db, { networkId, now, addSessionRows: sessionRows });
		await publishExchange({ ctx: testCtx(database.db, anOrganiser()), eventId: ex.id });
		const next = `nuevo-${unique()}`;
		await changeEventSlug({ ctx: testCtx(database.db, anOrganiser()), eventId: ex.id, slug: next });
		expect(await visit(ex.slug)).toEqual({ status: 308, location: `/events/${next}` });
		expect(await visit(ex.slug, ANONYMOUS, `/pt/events/${ex.slug}/register?x=1`)).toEqual({ status: 308, location: `/pt/events/${next}/register?x=1` });
		expect((await visit(next)).status).toBe(200);
		expect((await visit(`nunca-${unique()}`)).status).toBe(404);
	});

	it('labels an archived exchange and offers no registration', async () => {
		const ex = await anExchange(database.db, { networkId, now, addSessionRows: sessionRows });
		await publishExchange({ ctx: testCtx(database.db, anOrganiser()), eventId: ex.id });
		await archiveEvent({ ctx: testCtx(database.db, anOrganiser()), eventId: ex.id });
		expect((await visit(ex.slug)).data).toMatchObject({ preview: false, phase: 'archived', registration: { open: false } });
	});
});
