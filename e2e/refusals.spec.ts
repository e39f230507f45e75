import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import path from 'node:path';
import { ORGANISER_STATE } from './global-setup.ts';
import { grantRole, organiserPage, signInByLink, demoEditLink } from './helpers.ts';
import { AREA, discoverRoutes, placeholderPath, routePattern, type Route } from './route-tree.ts';

/*
 * The organisers' area refuses everyone else, page by page and action by action. What is checked is read
 * from the route tree under src/routes/(organiser) when the test runs, so a page, form action or endpoint
 * added there is checked without anyone adding it here:
 *   - every page (a folder with +page.svelte, +page.ts or +page.server.ts), fetched with GET;
 *   - every form action named in `export const actions` of a +page.server.ts, POSTed as a browser
 *     without JavaScript posts a form (`?/name`, or the page itself for `default`), with the page's Origin;
 *   - every method a +server.ts exports (GET, POST, …).
 * Params are filled with real values found by following the admin area's own links as the organiser
 * (so a refusal is a refusal, not a 404: the organiser must get 200 on those pages); a param no link
 * shows gets a placeholder (a random uuid for ids), and the test says so.
 * Anonymous visitors must be sent to /sign-in (or get 401/403), a signed-in reviewer must get 403;
 * neither may ever get a 200 or a 500.
 */

const REVIEWER = 'revisor.rechazos@ciudad.example';

/** The admin area's own links, followed as the organiser: real paths for each route (a few for variants). */
async function crawl(organiser: APIRequestContext, routes: Route[]): Promise<Map<Route, Set<string>>> {
	const patterns = routes.map((route) => ({ route, pattern: routePattern(route), variant: route.segments.some((s) => s.variant) }));
	const found = new Map<Route, Set<string>>();
	const queue = ['/admin'];
	const seen = new Set(queue);
	let fetched = 0;
	while (queue.length && fetched < 150) {
		const pathname = queue.shift()!;
		const match = patterns.find((p) => p.pattern.test(pathname));
		if (match) {
			const paths = found.get(match.route) ?? new Set<string>();
			// One real path per route is enough, except variants (csv and xlsx); pages behind are reached
			// through the first one.
			if (paths.size > 0 && !match.variant) continue;
			paths.add(pathname);
			found.set(match.route, paths);
			if (!match.route.page) continue; // an export, not a page with links
		}
		const response = await organiser.get(pathname, { maxRedirects: 0 });
		fetched++;
		if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
		const html = await response.text();
		for (const [, href] of html.matchAll(/href="([^"#?]+)/g)) {
			const url = new URL(href.replaceAll('&amp;', '&'), `http://x${pathname}`);
			if (url.host !== 'x' || !url.pathname.startsWith('/admin') || seen.has(url.pathname)) continue;
			seen.add(url.pathname);
			queue.push(url.pathname);
		}
	}
	return found;
}

type Check = { actor: 'anonymous' | 'reviewer'; method: string; url: string; what: string };

function refusalProblem(check: Check, response: APIResponse): string | null {
	const status = response.status();
	const location = response.headers().location ?? '';
	if (check.actor === 'reviewer') return status === 403 ? null : `expected 403, got ${status}${location ? ` → ${location}` : ''}`;
	if ([301, 302, 303, 307, 308].includes(status)) return location.includes('/sign-in') ? null : `redirects to ${location}, not to /sign-in`;
	return status === 401 || status === 403 ? null : `expected a redirect to /sign-in or 401/403, got ${status}`;
}

test.describe('The organisers’ area refuses anyone who is not an organiser', () => {
	test('every admin page, form action and endpoint under (organiser), generated from the route tree', async ({ browser, baseURL }) => {
		test.setTimeout(180_000);
		const origin = new URL(baseURL!).origin;
		const routes = discoverRoutes();
		const pages = routes.filter((r) => r.page);
		const actionCount = routes.reduce((n, r) => n + r.actions.length, 0);
		const endpointMethods = routes.reduce((n, r) => n + r.methods.length, 0);
		expect(pages.length, `no admin pages found under ${AREA}`).toBeGreaterThan(0);

		// A reviewer, given the role by an organiser, signed in by the link in the mail.
		await grantRole(browser, { email: REVIEWER, name: 'Revisor de rechazos', role: 'reviewer' });
		const reviewer = await signInByLink(browser, REVIEWER);
		expect(reviewer.status, 'the reviewer lands on /admin and is refused').toBe(403);
		const anonymous = await browser.newContext();
		const organiser = await browser.newContext({ storageState: ORGANISER_STATE });

		const found = await crawl(organiser.request, routes);
		const targets: { route: Route; url: string; real: boolean }[] = [];
		for (const route of routes) {
			const real = found.get(route);
			if (real?.size) for (const url of real) targets.push({ route, url, real: true });
			else targets.push({ route, url: placeholderPath(route), real: false });
		}

		const checks: Check[] = [];
		for (const { route, url } of targets) {
			if (route.page) checks.push({ method: 'GET', url, what: `page ${route.id}`, actor: 'anonymous' });
			for (const method of route.methods) checks.push({ method, url, what: `${method} ${route.id}`, actor: 'anonymous' });
			for (const name of route.actions) {
				checks.push({ method: 'POST', url: name === 'default' ? url : `${url}?/${name}`, what: `action ${route.id} ?/${name}`, actor: 'anonymous' });
			}
		}
		for (const check of [...checks]) checks.push({ ...check, actor: 'reviewer' });

		const problems: string[] = [];
		const covered = { pages: new Set<string>(), actions: new Set<string>(), endpoints: new Set<string>(), requests: 0 };
		for (const check of checks) {
			const request = check.actor === 'reviewer' ? reviewer.context.request : anonymous.request;
			const response = await request.fetch(check.url, {
				method: check.method,
				maxRedirects: 0,
				// As a browser without JavaScript posts a form from the page.
				...(check.method === 'GET' ? {} : { form: {}, headers: { origin, accept: 'text/html', referer: `${origin}${check.url}` } })
			});
			covered.requests++;
			const problem = refusalProblem(check, response);
			if (problem) problems.push(`${check.actor} ${check.method} ${check.url} (${check.what}): ${problem}`);
			if (check.what.startsWith('page ')) covered.pages.add(check.what);
			else if (check.what.startsWith('action ')) covered.actions.add(check.what);
			else covered.endpoints.add(check.what);
		}

		// Real paths must really exist: the organiser gets them, so the refusals above are not 404s.
		const placeholders = targets.filter((t) => !t.real);
		for (const { route, url, real } of targets) {
			if (!real) continue;
			const status = (await organiser.request.get(url, { maxRedirects: 0 })).status();
			if (route.page || route.methods.includes('GET')) {
				if (status !== 200) problems.push(`organiser GET ${url} (${route.id}): expected 200 (a real page), got ${status}`);
			}
		}

		const summary = [
			`Route tree ${path.relative(process.cwd(), AREA)}: ${routes.length} routes — ${pages.length} pages, ${actionCount} form actions, ${endpointMethods} endpoint methods.`,
			`Checked ${covered.pages.size} pages, ${covered.actions.size} actions, ${covered.endpoints.size} endpoint methods at ${targets.length} URLs (${targets.length - placeholders.length} with real ids), ${covered.requests} requests as anonymous and as reviewer.`,
			...placeholders.map((t) => `  placeholder (no admin link shows a real one): ${t.url} for ${t.route.id}`)
		];
		console.log(summary.join('\n'));
		test.info().annotations.push({ type: 'coverage', description: summary.join(' ') });

		expect(problems, 'refusals that did not refuse').toEqual([]);
		// Everything found is checked: a route the walk finds but the checks miss fails here.
		expect(covered.pages.size, 'pages checked').toBe(pages.length);
		expect(covered.actions.size, 'actions checked').toBe(actionCount);
		expect(covered.endpoints.size, 'endpoint methods checked').toBe(endpointMethods);
		// The routes the hand-written list used to check are among them, with real ids.
		const strip = (id: string) => id.replace(/=\w+\]/g, ']');
		const checkedReal = new Set(targets.filter((t) => t.real).map((t) => strip(t.route.id) + (t.route.segments.some((s) => s.variant) ? ` ${t.url.split('.').at(-1)}` : '')));
		for (const earlier of ['/admin/outbox', '/admin/audit', '/admin/people', '/admin/events/[id]/registrations', '/admin/events/[id]/registrations/export.[format] csv', '/admin/events/[id]/registrations/export.[format] xlsx', '/admin/events/[id]/attendance', '/admin/events/[id]/messages']) {
			expect(checkedReal, earlier).toContain(earlier);
		}

		await anonymous.close();
		await organiser.close();
		await reviewer.context.close();
	});

	test('a reviewer’s well-formed write is refused and changes nothing; so is an anonymous one', async ({ browser, baseURL }) => {
		const origin = new URL(baseURL!).origin;
		// A reviewer of this test's own, so it needs nothing from the test above.
		await grantRole(browser, { email: 'revisora.escritura@ciudad.example', role: 'reviewer' });
		const reviewer = await signInByLink(browser, 'revisora.escritura@ciudad.example');
		const write = await reviewer.context.request.post('/admin/people?/grant', {
			form: { email: 'amiga@ciudad.example', role: 'organiser', eventId: '' },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(write.status()).toBe(403);
		await reviewer.context.close();

		const page = await organiserPage(browser);
		await page.goto('/admin');
		const eventAdmin = (await demoEditLink(page).getAttribute('href'))!;
		const anonymous = await browser.newContext();
		const texts = await anonymous.request.post(`${eventAdmin}?/texts`, {
			form: { locale: 'es', title: 'Título cambiado por nadie' },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(texts.status()).toBe(303);
		expect(texts.headers().location).toBe('/sign-in');
		await anonymous.close();

		await page.goto('/admin/people');
		await expect(page.getByText('amiga@ciudad.example')).toHaveCount(0);
		await page.goto(eventAdmin);
		await expect(page.getByLabel('Título', { exact: true }).first()).not.toHaveValue('Título cambiado por nadie');
		await page.context().close();
	});

	test('a malformed id or slug in a path is a 404, for the organiser too, on pages and on actions', async ({ playwright, baseURL }) => {
		const origin = new URL(baseURL!).origin;
		const organiser = await playwright.request.newContext({ baseURL, storageState: ORGANISER_STATE });
		const pages = ['/admin/events/not-an-id', '/admin/practices/1234', '/admin/outbox/xyz', '/events/Not_A_Slug!', '/practices/Bad Slug', '/registration/x/sessions/y/calendar.ics'];
		for (const path of pages) {
			const response = await organiser.get(path, { maxRedirects: 0 });
			expect(response.status(), path).toBe(404);
		}
		// The moderation actions answered a malformed id with a 500 from PostgreSQL before the matchers.
		for (const action of ['publish', 'archive', 'comment', 'changes']) {
			const response = await organiser.post(`/admin/practices/not-a-uuid?/${action}`, {
				form: { body: 'x', note: 'x' },
				headers: { origin, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(response.status(), action).toBe(404);
		}
		await organiser.dispose();
	});
});
