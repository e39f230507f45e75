import { expect, test, type Browser, type Page } from '@playwright/test';
import { calendarEvents } from '../src/lib/testing/calendar.ts';
import { EVENT_PATH, EVENT_TIME_ZONE, expectNoAxeViolations, organiserPage, demoEditLink } from './helpers.ts';

// Independent of the other journeys and of the clock. The demo exchange (July 2021) is held; for the
// upcoming lists and the network's feeds this journey adds a session two months ahead to it and
// removes it at the end, so the demo exchange stays as it ships.
const DEMO_TITLE = 'Intercambio de buenas prácticas en planificación estratégica territorial';
const SESSION_TITLE = 'Sesión para encontrar';
const PRESENTED = 'Presupuesto participativo por barrios con votación digital y presencial';
const SUBMITTED_DIRECTLY = 'Portal de datos abiertos para el seguimiento público del plan estratégico';

test.describe.configure({ mode: 'serial' });

const twoMonthsAhead = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: EVENT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 60 * 86_400_000));

async function editor(browser: Browser): Promise<Page> {
	const page = await organiserPage(browser);
	await page.goto('/admin');
	await demoEditLink(page).click();
	return page;
}

/** The XML parsed by the browser's own parser: null when it is well-formed, else the parser's complaint. */
async function xmlProblem(page: Page, xml: string): Promise<string | null> {
	return page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'application/xml');
		return doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
	}, xml);
}

test.describe('A visitor finds exchanges across networks', () => {
	test('filters /events by network and time with JavaScript off, and finds the demo exchange among the held ones', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/events');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Intercambios');
		await page.getByLabel('Red').selectOption('mercociudades');
		await page.getByRole('radio', { name: 'Próximos', exact: true }).check();
		await page.getByRole('button', { name: 'Mostrar' }).click();
		await expect(page).toHaveURL(/\/events\?network=mercociudades&when=upcoming&lang=$/);
		// Nothing ahead: the page says what to change.
		await expect(page.getByRole('heading', { level: 2, name: 'Ningún intercambio' })).toBeVisible();
		await expect(page.getByText('Ningún intercambio coincide con estos filtros. Puede probar:')).toBeVisible();
		await page.getByRole('link', { name: 'ver los intercambios ya realizados' }).click();
		await expect(page).toHaveURL(/\/events\?network=mercociudades&when=past$/);
		await expect(page.getByRole('heading', { level: 2, name: '1 intercambio' })).toBeVisible();
		await expect(page.getByLabel('Red')).toHaveValue('mercociudades');
		await expect(page.getByRole('radio', { name: 'Realizados', exact: true })).toBeChecked();
		const card = page.locator('ol.events > li').first();
		await expect(card.getByRole('heading', { level: 3 })).toHaveText(DEMO_TITLE);
		await expect(card).toContainText('Mercociudades · Unidad Temática de Planificación Estratégica y Áreas Metropolitanas');
		await expect(card.locator('.phase')).toHaveText('Realizado');
		await expect(card.locator('.badge').nth(1)).toHaveText('Contenido de demostración');
		await expect(card).toContainText(/jueves, 15 de julio de 2021,?\s10:00\s*–\s*12:00\sGMT-3/);
		await expect(card).toContainText('Se ofrece en: Español, Portugués, Inglés');
		// The network's feeds are offered beside its exchanges.
		await expect(page.getByRole('link', { name: 'suscribirse al calendario' })).toHaveAttribute('href', /^webcal:\/\/[^/]+\/networks\/mercociudades\/events\.ics$/);
		await card.getByRole('link', { name: DEMO_TITLE }).click();
		await expect(page).toHaveURL(EVENT_PATH);

		// An address that names no network: an empty list that says so, never an error.
		const response = await page.goto('/events?network=no-such-network&when=past');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('alert')).toHaveText('Ninguna red tiene la dirección «no-such-network». Elija una red de la lista.');
		await page.getByRole('link', { name: 'buscar en todas las redes' }).click();
		await expect(page).toHaveURL(/\/events\?when=past$/);
		await expect(page.locator('ol.events')).toContainText(DEMO_TITLE);
		// In Portuguese and English too.
		await page.goto('/pt/events?when=past');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Intercâmbios');
		await expect(page.locator('ol.events .phase').first()).toHaveText('Realizado');
		await page.goto('/en/events?lang=en&when=upcoming');
		await expect(page.getByRole('heading', { level: 2, name: 'No exchanges' })).toBeVisible();
		await context.close();
	});

	test('the home page shows the held exchange when none is ahead, and the newest practices', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 2, name: 'Intercambios realizados' })).toBeVisible();
		const events = page.locator('section[aria-labelledby="events-h"]');
		await expect(events.getByRole('link', { name: DEMO_TITLE })).toBeVisible();
		await expect(events.locator('.phase')).toHaveText('Realizado');
		await expect(events.getByRole('link', { name: 'Ver todos los intercambios' })).toHaveAttribute('href', '/events');
		await expect(events.getByRole('link', { name: 'Conocer las redes de ciudades' })).toHaveAttribute('href', '/networks');
		const practices = page.locator('section[aria-labelledby="practices-h"]');
		await expect(practices.getByRole('heading', { level: 2 })).toHaveText('Prácticas recientes del repositorio');
		await expect(practices.locator('ul.practices > li')).toHaveCount(4);
		await expect(practices.getByRole('link', { name: 'Buscar en el repositorio de prácticas' })).toHaveAttribute('href', '/practices');
	});

	test('the repository filtered by network shows what was presented at its exchanges, not what was submitted directly', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/practices?network=mercociudades');
		await expect(page.getByRole('heading', { level: 2, name: '12 prácticas' })).toBeVisible();
		await expect(page.getByRole('group', { name: 'Red' }).getByRole('checkbox', { name: /^Mercociudades \(12\)/ })).toBeChecked();
		await expect(page.locator('ol.hits')).toContainText(PRESENTED);
		await expect(page.locator('ol.hits')).not.toContainText(SUBMITTED_DIRECTLY);
		// Unticking the network brings every practice back.
		await page.getByRole('group', { name: 'Red' }).getByRole('checkbox', { name: /^Mercociudades/ }).uncheck();
		await page.getByRole('button', { name: 'Aplicar filtros' }).click();
		await expect(page.getByRole('heading', { level: 2, name: '24 prácticas' })).toBeVisible();
		// The same filter in the open-data API.
		const api = await (await page.request.get('/api/v1/practices?network=mercociudades&per_page=100')).json();
		expect(api.meta.total).toBe(12);
		expect(api.data.map((p: { title: string }) => p.title)).toContain(PRESENTED);
		expect(api.data.map((p: { title: string }) => p.title)).not.toContain(SUBMITTED_DIRECTLY);
		await context.close();
	});

	test('the open-data API lists the networks and the exchanges, and describes them', async ({ request }) => {
		const networks = await request.get('/api/v1/networks');
		expect(networks.headers()['access-control-allow-origin']).toBe('*');
		expect(networks.headers()['content-type']).toContain('application/json');
		const { data: nets } = await networks.json();
		const mercociudades = nets.find((n: { slug: string }) => n.slug === 'mercociudades');
		expect(mercociudades).toMatchObject({
			slug: 'mercociudades',
			name: 'Mercociudades',
			websiteUrl: 'https://mercociudades.org',
			illustrativeDemo: true,
			units: [{ slug: expect.any(String), name: { es: 'Unidad Temática de Planificación Estratégica y Áreas Metropolitanas' } }]
		});
		expect(Object.keys(mercociudades).sort()).toEqual(['description', 'id', 'illustrativeDemo', 'logoUrl', 'name', 'shortName', 'slug', 'units', 'url', 'websiteUrl']);

		const events = await (await request.get('/api/v1/events?network=mercociudades&when=past')).json();
		expect(events.meta).toMatchObject({ total: 1, page: 1, perPage: 20, pages: 1, licence: 'CC-BY-4.0' });
		expect(events.links.next).toBeNull();
		const [demo] = events.data;
		expect(demo).toMatchObject({
			slug: 'intercambio-planificacion-2021',
			network: 'mercociudades',
			title: { es: DEMO_TITLE },
			timeZone: EVENT_TIME_ZONE,
			languages: ['es', 'pt', 'en'],
			phase: 'held',
			illustrativeDemo: true
		});
		expect(demo.sessions.slice(0, 2).map((s: { startsAt: string; endsAt: string }) => [s.startsAt, s.endsAt])).toEqual([
			['2021-07-15T13:00:00.000Z', '2021-07-15T15:00:00.000Z'],
			['2021-07-22T13:00:00.000Z', '2021-07-22T15:00:00.000Z']
		]);
		expect(JSON.stringify(demo)).not.toContain('joinUrl');
		// Hostile or unknown values list nothing or are ignored, never an error.
		for (const query of ['network=%3Cscript%3E', 'when=%E2%80%AE&page=-5&per_page=9999', 'network=no-such-network']) {
			const answer = await request.get(`/api/v1/events?${query}`);
			expect(answer.status(), query).toBe(200);
			expect((await answer.json()).meta.total, query).toBe(query.startsWith('when') ? 1 : 0);
		}
		// A NUL is refused before any code runs (400), as everywhere.
		expect((await request.get('/api/v1/events?network=%00')).status()).toBe(400);

		const doc = await (await request.get('/api/v1/openapi.json')).json();
		expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/practices', '/api/v1/networks', '/api/v1/events']));
		expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Practice', 'Network', 'Event']));

		// Search engines find the listing, the networks' pages and the exchanges' pages.
		const sitemap = await (await request.get('/sitemap.xml')).text();
		for (const path of ['/events', '/networks/mercociudades', EVENT_PATH]) expect(sitemap, path).toMatch(new RegExp(`<loc>https?://[^<]+${path}</loc>`));
	});

	test('with a session ahead, the exchange is upcoming everywhere and in the network’s Atom and iCal feeds', async ({ browser, request }) => {
		const date = twoMonthsAhead();
		const organiser = await editor(browser);
		const add = organiser.locator('form', { has: organiser.getByRole('group', { name: 'Nueva sesión' }) });
		await add.getByLabel('Título').fill(SESSION_TITLE);
		await add.getByLabel('Fecha').fill(date);
		await add.getByLabel('Empieza').fill('10:00');
		await add.getByLabel('Termina').fill('12:00');
		await add.getByRole('button', { name: 'Añadir sesión' }).click();
		await expect(organiser.getByRole('status')).toHaveText('Cambios guardados.');
		try {
			const page = await browser.newPage();
			await page.goto('/events?network=mercociudades&when=upcoming');
			await expect(page.getByRole('heading', { level: 2, name: '1 intercambio' })).toBeVisible();
			await expect(page.locator('ol.events')).toContainText(DEMO_TITLE);
			await page.goto('/');
			await expect(page.getByRole('heading', { level: 2, name: 'Próximos intercambios' })).toBeVisible();
			await expect(page.locator('section[aria-labelledby="events-h"]').getByRole('link', { name: DEMO_TITLE })).toBeVisible();

			const atom = await request.get('/networks/mercociudades/events.atom');
			expect(atom.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
			const xml = await atom.text();
			expect(await xmlProblem(page, xml)).toBeNull();
			const entries = await page.evaluate((text) => {
				const doc = new DOMParser().parseFromString(text, 'application/xml');
				return [...doc.getElementsByTagName('entry')].map((e) => ({
					title: e.getElementsByTagName('title')[0].textContent,
					type: e.getElementsByTagName('title')[0].getAttribute('type'),
					link: e.getElementsByTagName('link')[0].getAttribute('href')
				}));
			}, xml);
			expect(entries).toEqual([{ title: DEMO_TITLE, type: 'text', link: expect.stringMatching(/\/events\/intercambio-planificacion-2021$/) }]);

			const ics = await request.get('/networks/mercociudades/events.ics');
			expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
			const text = await ics.text();
			expect(text).toContain('BEGIN:VTIMEZONE');
			expect(text).toContain(`DTSTART;TZID=${EVENT_TIME_ZONE}:${date.replace(/-/g, '')}T100000`);
			const vevents = calendarEvents(text);
			// Every session of the upcoming exchange, the held ones included, each with its own UID.
			expect(vevents.length).toBeGreaterThanOrEqual(3);
			expect(new Set(vevents.map((e) => e.uid)).size).toBe(vevents.length);
			expect(vevents.map((e) => e.summary)).toContain(`${DEMO_TITLE} — ${SESSION_TITLE}`);
			expect(vevents.every((e) => /^session-[0-9a-f-]{36}@/.test(e.uid))).toBe(true);

			// The API says it is upcoming, and the feeds answer in the other languages.
			const api = await (await request.get('/api/v1/events?when=upcoming&network=mercociudades')).json();
			expect(api.data.map((e: { slug: string }) => e.slug)).toEqual(['intercambio-planificacion-2021']);
			expect(['registration_open', 'registration_closed']).toContain(api.data[0].phase);
			const english = await (await request.get('/en/networks/mercociudades/events.atom')).text();
			expect(english).toContain('<title>Mercociudades · upcoming exchanges</title>');
			expect(english).toContain('<title type="text"><![CDATA[Exchange of good practices in strategic territorial planning]]></title>');
			await page.context().close();
		} finally {
			const fieldset = organiser.locator('#sessions fieldset').filter({ has: organiser.locator(`input[name="title"][value="${SESSION_TITLE}"]`) });
			await organiser.reload();
			await fieldset.getByRole('link', { name: 'Quitar esta sesión' }).click();
			await organiser.getByRole('button', { name: 'Sí, quitar la sesión' }).click();
			await expect(organiser.getByRole('status')).toHaveText('Cambios guardados.');
			await organiser.context().close();
		}
	});

	test('an unknown network has no feeds; the listing and the home page pass axe and fit 360 px', async ({ browser, request }) => {
		expect((await request.get('/networks/no-such-network/events.atom')).status()).toBe(404);
		expect((await request.get('/networks/no-such-network/events.ics')).status()).toBe(404);
		const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
		const page = await context.newPage();
		for (const path of ['/events?when=past', '/events?network=no-such-network', '/events?when=upcoming&network=mercociudades', '/', '/en/events']) {
			await page.goto(path);
			await expectNoAxeViolations(page);
			expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
		}
		await context.close();
	});
});
