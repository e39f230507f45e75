import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { ORGANISER_STATE } from './global-setup.ts';
import { expectNoAxeViolations, grantRole, signInByLink } from './helpers.ts';
import { discoverRoutes, fillPath, paramNames, routeParams, type Route } from './route-tree.ts';

/*
 * Issue 12 from end to end, as people would do it. An administrator creates a second network with a
 * unit and makes someone its organiser; that organiser copies the 2021 demo exchange of Mercociudades
 * into a 2027 edition of their own network, fixes what the publishing checklist names by following its
 * links, publishes it, and a visitor registers. Then an organiser of Mercociudades — the other network —
 * is refused every admin page, form action and endpoint of that edition and of its network, generated
 * from the route tree (the organiser of the new network gets each real page, so the refusals are
 * refusals and not 404s of pages that do not exist).
 *
 * Everything this journey creates is its own (a new network, a new edition, new people), so no other
 * journey reads it; the demo exchange is only read.
 */
test.describe.configure({ mode: 'serial' });

const run = randomUUID().slice(0, 8);
const NETWORK = `Red Metropolitana del Sur ${run}`;
const NETWORK_SLUG = `red-metropolitana-sur-${run}`;
const UNIT = `Unidad de Planificación ${run}`;
const ORGANISER_B = `organiza.red.${run}@municipio.example`;
const ORGANISER_A = `organiza.mercociudades.${run}@municipio.example`;
const EDITION = `Intercambio de planificación estratégica 2027 ${run}`;
const EDITION_SLUG = `intercambio-planificacion-2027-${run}`;
const VISITOR = `participante.${run}@ciudad.example`;
const DEMO_TITLE = 'Intercambio de buenas prácticas en planificación estratégica territorial';

let organiserB: BrowserContext;
let editionId = '';
let networkId = '';

type State = Awaited<ReturnType<BrowserContext['storageState']>>;
let stateB: State;

/** axe needs JavaScript: the page again, with it on, at 360 px. */
async function axeClean(browser: Browser, url: string, state?: State | string, width = 360) {
	const context = await browser.newContext({ ...(state ? { storageState: state } : {}), viewport: { width, height: 800 } });
	const page = await context.newPage();
	await page.goto(url);
	await expectNoAxeViolations(page);
	await context.close();
}

/** The signed-in organiser's browser, without JavaScript (as on a slow phone), at 360 px. */
async function asOrganiserB(): Promise<Page> {
	return organiserB.newPage();
}

test('an administrator creates a second network with a unit and gives it an organiser', async ({ browser }) => {
	test.setTimeout(120_000);
	const admin = await (await browser.newContext({ storageState: ORGANISER_STATE, javaScriptEnabled: false, viewport: { width: 360, height: 800 } })).newPage();
	await admin.goto('/admin/networks/new');
	await admin.getByLabel('Nombre', { exact: true }).fill(NETWORK);
	await admin.getByLabel('Dirección de la página').fill(NETWORK_SLUG);
	await admin.getByLabel('Descripción · Español').fill('Municipios de un área metropolitana que planifican juntos.');
	await admin.getByRole('button', { name: 'Crear la red' }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Editar la red ${NETWORK}`);
	networkId = /\/admin\/networks\/([0-9a-f-]{36})/.exec(admin.url())![1];
	const units = admin.locator('#units');
	await units.getByLabel('Nombre en español').fill(UNIT);
	await units.getByRole('button', { name: 'Agregar la unidad' }).click();
	await expect(admin.getByRole('status')).toHaveText('Cambios guardados.');
	await admin.context().close();

	// The network's organiser: given the role for the whole network, told by mail, signed in by its link.
	await grantRole(browser, { email: ORGANISER_B, name: 'Organizadora de la red', role: 'organización', scope: `Red ${NETWORK}: todos sus intercambios` });
	const signedIn = await signInByLink(browser, ORGANISER_B);
	expect(signedIn.status).toBe(200);
	stateB = await signedIn.context.storageState();
	await signedIn.context.close();
	organiserB = await browser.newContext({ storageState: stateB, javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
});

test('its organiser copies the 2021 exchange into a 2027 edition, fixes what the checklist names and publishes it', async ({ browser }) => {
	test.setTimeout(180_000);
	const page = await asOrganiserB();
	await page.goto('/admin/events');
	await page.getByRole('link', { name: `Copiar en una nueva edición: «${DEMO_TITLE}»` }).first().click();
	await page.getByLabel('Título de la nueva edición, en español').fill(EDITION);
	await page.getByLabel('Dirección').fill(EDITION_SLUG);
	await page.getByLabel('Red', { exact: true }).selectOption({ label: NETWORK });
	await page.getByLabel('Unidad de la red').selectOption({ label: UNIT }).catch(() => undefined);
	await page.getByLabel('Fecha de la primera sesión').fill('2027-07-15');
	await page.getByRole('button', { name: 'Ver las fechas' }).click();
	// The same weekday and local time as in 2021 (Thursdays, 10:00 in Montevideo), a week apart.
	await expect(page.locator('main')).toContainText('15 de julio de 2027');
	await expect(page.locator('main')).toContainText('22 de julio de 2027');
	await page.getByRole('button', { name: 'Crear la copia' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Editar «${EDITION}»`);
	await axeClean(browser, page.url(), stateB);
	editionId = /\/admin\/events\/([0-9a-f-]{36})/.exec(page.url())![1];

	// The draft is not public yet; its organiser sees a preview.
	const visitor = await browser.newContext();
	expect((await visitor.request.get(`/events/${EDITION_SLUG}`)).status()).toBe(404);
	const preview = await asOrganiserB();
	await preview.goto(`/events/${EDITION_SLUG}`);
	await expect(preview.getByText('Vista previa — todavía no es público')).toBeVisible();
	await preview.close();

	// Publishing is refused while the checklist names something; each item links to the field that fixes it.
	const status = page.locator('#status');
	await expect(status.getByRole('heading', { name: 'Lo que falta para publicar' })).toBeVisible();
	await expect(status.getByRole('button', { name: 'Publicar', exact: true })).toBeDisabled();
	const editor = page.url().replace(/[?#].*$/, '');
	for (let fixed = 0; ; fixed++) {
		await page.goto(editor);
		const items = page.locator('#status li a');
		if ((await items.count()) === 0) break;
		expect(fixed, 'the checklist empties as its items are fixed').toBeLessThan(12);
		const item = (await items.first().textContent())!.trim();
		await items.first().click();
		const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
		expect(id, `the item “${item}” links to a field`).not.toBe('');
		const field = page.locator(`[id="${id}"]`);
		await expect(field, `the item “${item}” lands on its field`).toBeVisible();
		await field.fill(`Texto escrito para completar: ${item}.`);
		await field.locator('xpath=ancestor::form[1]').locator('button[type="submit"]').first().click();
		await expect(page.getByRole('status').first()).toBeVisible();
	}
	await expect(status.getByText('No falta nada: ya se puede publicar.')).toBeVisible();
	await status.getByRole('button', { name: 'Publicar', exact: true }).click();
	await expect(page.getByRole('status').first()).toBeVisible();
	await axeClean(browser, editor, stateB);
	await page.close();

	// Public now, in the network's page and in the list of exchanges.
	const list = await visitor.newPage();
	await list.goto(`/networks/${NETWORK_SLUG}`);
	await expect(list.getByRole('link', { name: EDITION })).toBeVisible();
	await list.goto(`/events?network=${NETWORK_SLUG}`);
	await expect(list.getByRole('link', { name: EDITION })).toBeVisible();
	await visitor.close();
});

test('a visitor registers for the 2027 edition', async ({ browser }) => {
	test.setTimeout(120_000);
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
	const page = await context.newPage();
	await page.goto(`/events/${EDITION_SLUG}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(EDITION);
	await page.getByRole('link', { name: /Inscribirme/ }).first().click();
	// Both sessions of the edition, on 15 and 22 July 2027.
	const sessions = page.locator('input[name="sessions"]');
	await expect(sessions).toHaveCount(2);
	for (const box of await sessions.all()) await box.check();
	await page.getByLabel('Nombre y apellido').fill('Lucía Participante');
	await page.getByLabel('Correo electrónico').fill(VISITOR);
	await page.getByLabel('País').selectOption('AR');
	await page.getByLabel('Ciudad').fill('Rosario');
	await page.getByLabel('Institución', { exact: true }).fill('Municipalidad de Rosario');
	await page.getByLabel('Tipo de institución').selectOption('local_government');
	// Questions copied from the 2021 edition (other journeys may have added some): answered as a person would.
	for (const select of await page.locator('form select[required]').all()) {
		if ((await select.inputValue()) === '') await select.selectOption({ index: 1 });
	}
	for (const input of await page.locator('form input[type="text"][required], form textarea[required]').all()) {
		if ((await input.inputValue()) === '') await input.fill('Por la red');
	}
	for (const box of await page.locator('form input[type="checkbox"][required]:not(#r-consent)').all()) await box.check();
	await page.getByRole('checkbox', { name: /acepto/ }).check();
	await page.getByRole('button', { name: 'Inscribirme' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisa tu correo');
	await context.close();

	// Its organiser sees the registration.
	const organiser = await asOrganiserB();
	await organiser.goto(`/admin/events/${editionId}/registrations`);
	await expect(organiser.locator('main')).toContainText(VISITOR);
	await organiser.close();
});

/** Real paths for the routes of this edition and network, found by following the pages' own links. */
async function crawl(request: APIRequestContext, routes: Route[], starts: string[]): Promise<Map<Route, string>> {
	const found = new Map<Route, string>();
	const queue = [...starts];
	const seen = new Set(queue);
	let fetched = 0;
	while (queue.length && fetched < 80) {
		const pathname = queue.shift()!;
		const route = [...routes].sort((x, y) => paramNames(x).length - paramNames(y).length).find((r) => routeParams(r, pathname));
		if (route && !found.has(route)) found.set(route, pathname);
		if (route && !route.page) continue;
		const response = await request.get(pathname, { maxRedirects: 0 });
		fetched++;
		if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
		for (const [, href] of (await response.text()).matchAll(/href="([^"#?]+)/g)) {
			const url = new URL(href.replaceAll('&amp;', '&'), 'http://x');
			if (!starts.some((s) => url.pathname.startsWith(s)) || seen.has(url.pathname)) continue;
			seen.add(url.pathname);
			queue.push(url.pathname);
		}
	}
	return found;
}

test('an organiser of the other network is refused every page, action and endpoint of the edition and its network', async ({ browser, baseURL }) => {
	test.setTimeout(240_000);
	const origin = new URL(baseURL!).origin;
	await grantRole(browser, { email: ORGANISER_A, name: 'Organizador de Mercociudades', role: 'organización', scope: 'Red Mercociudades: todos sus intercambios' });
	const organiserA = (await signInByLink(browser, ORGANISER_A)).context;

	// What is scoped to one exchange or one network, from the route tree of the organisers' area.
	// Except the copy form: a published edition is a template any network's organiser may start from.
	const scoped = discoverRoutes().filter(
		(r) => (r.id.startsWith('/admin/events/[id=uuid]') || r.id.startsWith('/admin/networks/[id=uuid]')) && r.id !== '/admin/events/[id=uuid]/copy'
	);
	expect(scoped.length).toBeGreaterThan(10);
	const starts = [`/admin/events/${editionId}`, `/admin/networks/${networkId}`];
	const found = await crawl(organiserB.request, scoped, starts);
	const targets = scoped.map((route) => {
		const real = found.get(route);
		if (real) return { route, url: real, real: true };
		const values: Record<string, string> = {};
		for (const name of paramNames(route)) values[name] = name === 'id' ? (route.id.startsWith('/admin/events') ? editionId : networkId) : randomUUID();
		if (route.id.includes('export.[format]')) values.format = 'csv';
		return { route, url: fillPath(route, values), real: false };
	});

	const problems: string[] = [];
	let requests = 0;
	for (const { route, url, real } of targets) {
		const checks: { method: string; url: string; what: string }[] = [];
		if (route.page) checks.push({ method: 'GET', url, what: `page ${route.id}` });
		for (const method of route.methods) checks.push({ method, url, what: `${method} ${route.id}` });
		for (const name of route.actions) checks.push({ method: 'POST', url: name === 'default' ? url : `${url}?/${name}`, what: `action ${route.id} ?/${name}` });
		for (const check of checks) {
			const response = await organiserA.request.fetch(check.url, {
				method: check.method,
				maxRedirects: 0,
				...(check.method === 'GET' ? {} : { form: { id: randomUUID() }, headers: { origin, accept: 'text/html', referer: `${origin}${check.url}` } })
			});
			requests++;
			if (![403, 404].includes(response.status())) problems.push(`${check.method} ${check.url} (${check.what}): expected 403 or 404, got ${response.status()}`);
		}
		// The network's own organiser gets the real pages: the refusals above are refusals.
		if (real && route.page) {
			const own = await organiserB.request.get(url, { maxRedirects: 0 });
			if (own.status() !== 200) problems.push(`the network's organiser got ${own.status()} on ${url}`);
		}
	}
	console.log(`Cross-network refusals: ${requests} requests on ${targets.length} routes (${targets.filter((t) => t.real).length} with real params).`);
	expect(problems).toEqual([]);
	expect(targets.filter((t) => t.real && t.route.page).length).toBeGreaterThan(8);

	// Nor do the lists show it: the dashboard, the exchanges and the networks of the other organiser.
	for (const list of ['/admin', '/admin/events', '/admin/networks', '/admin/people']) {
		const response = await organiserA.request.get(list);
		expect(response.status(), list).toBe(200);
		const html = await response.text();
		// The exchanges list offers the published edition only as a template to copy (public anyway).
		if (list !== '/admin/events') expect(html, `${list} shows nothing of the other network`).not.toContain(EDITION);
		expect(html, `${list} links to no page of the edition but its copy form`).not.toMatch(new RegExp(`href="[^"]*/admin/events/${editionId}(?!/copy)`));
		expect(html, `${list} links to no page of the other network`).not.toContain(`/admin/networks/${networkId}`);
		expect(html, `${list} shows nobody of the other network`).not.toContain(ORGANISER_B);
	}
	// The one page of the edition open to them: its copy form, as a template for their own network.
	expect((await organiserA.request.get(`/admin/events/${editionId}/copy`)).status()).toBe(200);
	// The installation's records are for administrators.
	for (const list of ['/admin/outbox', '/admin/audit']) expect((await organiserA.request.get(list)).status(), list).toBe(403);
	await organiserA.close();
	await organiserB.close();
});
