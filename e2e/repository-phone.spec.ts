import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { EVENT_PATH, expectNoAxeViolations, organiserPage } from './helpers.ts';

// The repository as a city official uses it on a 360 px phone with JavaScript off: figures,
// comparison, results and filters, the map, the separators and phrase searches.
const PHONE = { width: 360, height: 800 };
const BUDGET = 'presupuesto-participativo-barrios-votacion-digital-presencial';
const ORCAMENTO = 'orcamento-participativo-regioes-assembleias-votacao-online';
const SMALL_TOWN = 'orcamento-participativo-conselho-desenvolvimento-pequeno-porte';

type Box = { left: number; right: number; top: number; bottom: number; width: number; height: number };
const boxes = (locator: Locator): Promise<Box[]> =>
	locator.evaluateAll((els) =>
		els.map((el) => {
			const r = el.getBoundingClientRect();
			return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
		})
	);
const boxOf = async (locator: Locator) => (await boxes(locator))[0];

async function phone(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
	return context.newPage();
}

/** axe runs in the page, so it needs JavaScript: the same page at 360 px, checked in its own tab. */
async function axeAtPhone(browser: Browser, path: string, prepare?: (page: Page) => Promise<void>) {
	const context = await browser.newContext({ viewport: PHONE });
	const page = await context.newPage();
	await page.goto(path);
	if (prepare) await prepare(page);
	await expectNoAxeViolations(page);
	await context.close();
}

test.describe('The repository on a 360 px phone, without JavaScript', () => {
	test('figures: labels are legible and never clipped', async ({ browser }) => {
		const page = await phone(browser);
		await page.goto('/pt/practices/figures');
		const charts = page.locator('section.chart');
		expect(await charts.count()).toBeGreaterThanOrEqual(4);
		for (const chart of await charts.all()) {
			const svg = await boxOf(chart.locator('svg'));
			const texts = await boxes(chart.locator('svg text'));
			expect(texts.length).toBeGreaterThan(0);
			for (const t of texts) {
				expect(t.height).toBeGreaterThanOrEqual(12);
				expect(t.left).toBeGreaterThanOrEqual(svg.left - 0.5);
				expect(t.right).toBeLessThanOrEqual(svg.right + 0.5);
			}
		}
		// The first label of the axes chart is whole: "Inovação…", not "novação…".
		const axes = page.locator('section[aria-labelledby="chart-axes"]');
		const labels = await axes.locator('svg text:nth-of-type(odd)').allTextContents();
		const rows = await axes.locator('tbody th').allTextContents();
		expect(labels.map((l) => l.replace(/…$/, ''))).toEqual(rows.map((r, i) => (labels[i].endsWith('…') ? r.slice(0, labels[i].length - 1) : r)));
		expect(labels.some((l) => l.startsWith('Inovação'))).toBe(true);
		await axeAtPhone(browser, '/pt/practices/figures');
		await page.context().close();
	});

	test('compare: the row names stay in view, the table says it scrolls, no practice starts cut', async ({ browser }) => {
		const page = await phone(browser);
		await page.goto(`/practices/compare?p=${BUDGET}&p=${ORCAMENTO}&p=${SMALL_TOWN}`);
		await expect(page.getByText('La tabla se desplaza hacia el costado: deslice para ver las otras prácticas; los nombres de las filas quedan a la vista.')).toBeVisible();
		const scroller = page.getByRole('region', { name: 'Comparar prácticas' });
		const practices = scroller.locator('thead th:not(:first-child)');
		await expect(practices).toHaveCount(3);
		const rowName = scroller.getByRole('rowheader', { name: 'País' });
		const check = async () => {
			const view = await boxOf(scroller);
			// The row name is in view, at the left edge.
			const name = await boxOf(rowName);
			expect(Math.abs(name.left - view.left)).toBeLessThanOrEqual(1.5);
			// Each practice is either wholly in view beside the row names or wholly out of it.
			let shown = 0;
			for (const p of await boxes(practices)) {
				const whole = p.left >= name.right - 1.5 && p.right <= view.right + 1.5;
				const out = p.left >= view.right - 1.5 || p.right <= name.right + 1.5;
				expect(whole || out, JSON.stringify({ p, view, name })).toBe(true);
				if (whole) shown++;
			}
			expect(shown).toBe(1);
		};
		await check();
		// Scrolled sideways, it stops at the next practice, row names still in view.
		await scroller.hover();
		await page.mouse.wheel(120, 0);
		await expect.poll(async () => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
		await page.waitForTimeout(600);
		await check();
		await axeAtPhone(browser, page.url());
		await page.context().close();
	});

	test('repository: results first, filters in a disclosure, 24 px targets, compare reachable', async ({ browser }) => {
		const page = await phone(browser);
		await page.goto('/practices');
		const results = page.getByRole('heading', { level: 2, name: '24 prácticas' });
		await expect(results).toBeVisible();
		expect((await boxOf(results)).top).toBeLessThan(PHONE.height);
		// The filters are folded: one tap opens them, and each checkbox is a 24 × 24 px target.
		const country = page.getByRole('group', { name: 'País' }).getByRole('checkbox', { name: /^Brasil/ });
		await expect(country).toBeHidden();
		await page.locator('summary', { hasText: 'Filtros' }).click();
		await expect(country).toBeVisible();
		for (const b of await boxes(page.locator('.filters input[type="checkbox"]'))) {
			expect(b.width).toBeGreaterThanOrEqual(24);
			expect(b.height).toBeGreaterThanOrEqual(24);
		}
		await country.check();
		await page.getByRole('button', { name: 'Aplicar filtros' }).click();
		await expect(page).toHaveURL(/country=BR/);
		await expect(page.locator('summary')).toHaveText('Filtros · elegidos: 1');
		await axeAtPhone(browser, page.url());
		await axeAtPhone(browser, page.url(), (p) => p.locator('summary').click());

		// Choosing practices: a compare button sits at the top of the results, and the one at the
		// bottom stays on screen once something is chosen.
		await page.goto('/practices');
		const choose = page.getByRole('checkbox', { name: /^Comparar/ });
		for (const b of await boxes(choose)) expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(24);
		// (just below the first screen at 360 × 800, right after the results' heading)
		const top = page.getByRole('button', { name: 'Comparar las prácticas elegidas' }).first();
		expect((await boxOf(top)).top).toBeLessThan(PHONE.height * 1.25);
		expect((await boxOf(top)).top).toBeLessThan((await boxOf(choose.first())).top);
		await choose.nth(0).check();
		await choose.nth(1).check();
		const bar = page.locator('form.compare-bar button');
		const barBox = await boxOf(bar);
		expect(barBox.bottom).toBeLessThanOrEqual(PHONE.height + 0.5);
		expect(barBox.top).toBeGreaterThan(0);
		await bar.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparar prácticas');
		await expect(page.locator('table.compare thead th')).toHaveCount(3);

		// On a wide screen the filters are shown beside the results, no tap needed.
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto('/practices');
		await expect(page.getByRole('group', { name: 'País' }).getByRole('checkbox', { name: /^Brasil/ })).toBeVisible();
		await expect(page.locator('summary', { hasText: 'Filtros' })).toBeHidden();
		const wide = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const widePage = await wide.newPage();
		await widePage.goto('/practices?country=BR');
		await expectNoAxeViolations(widePage);
		await wide.close();
		await page.context().close();
	});

	test('map: 24 px targets that never overlap, close cities grouped, regions to zoom into', async ({ browser }) => {
		const page = await phone(browser);
		const checkTargets = async () => {
			const targets = await boxes(page.locator('svg .points a'));
			expect(targets.length).toBeGreaterThan(0);
			for (const t of targets) {
				expect(t.width).toBeGreaterThanOrEqual(24);
				expect(t.height).toBeGreaterThanOrEqual(24);
			}
			// Round targets: their centres at least one target apart.
			for (let i = 0; i < targets.length; i++)
				for (let j = i + 1; j < targets.length; j++) {
					const [a, b] = [targets[i], targets[j]];
					const d = Math.hypot(a.left + a.width / 2 - (b.left + b.width / 2), a.top + a.height / 2 - (b.top + b.height / 2));
					expect(d).toBeGreaterThanOrEqual(a.width - 0.5);
				}
			return targets.length;
		};
		await page.goto('/practices/map');
		const whole = await checkTargets();
		// Around the Río de la Plata, close cities are one marker with a count that zooms in.
		const group = page.locator('svg .points a[aria-label*="Acercar: Río de la Plata y sur de Brasil"]');
		await expect(group.first()).toBeAttached();
		await expect(group.first().locator('text')).toHaveText(/^\d+$/);
		await axeAtPhone(browser, '/practices/map');
		await page.goto(await group.first().getAttribute('href') ?? '');
		await expect(page).toHaveURL(/\/practices\/map\?region=rio-de-la-plata$/);
		await expect(page.getByRole('link', { name: 'Río de la Plata y sur de Brasil' })).toHaveAttribute('aria-current', 'page');
		await expect(page.locator('figcaption')).toHaveText(/^Río de la Plata y sur de Brasil: /);
		expect(await checkTargets()).toBeGreaterThanOrEqual(2);
		// The list alternative is still there.
		await expect(page.getByRole('heading', { level: 3, name: 'Uruguay' })).toBeVisible();
		await axeAtPhone(browser, '/practices/map?region=rio-de-la-plata');
		expect(whole).toBeGreaterThan(0);
		// A region the map does not have is a 400.
		const bad = await page.goto('/practices/map?region=atlantida');
		expect(bad?.status()).toBe(400);
		await page.context().close();
	});

	test('separators: a space on both sides of every "·"', async ({ browser }) => {
		const page = await phone(browser);
		const noGlued = async (locator: Locator) => {
			const texts = await locator.allInnerTexts();
			expect(texts.length).toBeGreaterThan(0);
			for (const t of texts) expect(t, t).not.toMatch(/\S·|·\S/);
		};
		await page.goto(EVENT_PATH);
		await noGlued(page.locator('ul.presented li'));
		await expect(page.locator('ul.presented li').filter({ hasText: 'Presupuesto participativo por barrios' })).toHaveText(
			'Presupuesto participativo por barrios con votación digital y presencial · Montevideo · Participación ciudadana · Ejemplo ilustrativo'
		);
		await page.goto('/practices?q=presupuesto+participativo');
		await noGlued(page.locator('ol.hits .meta'));
		await expect(page.locator('ol.hits li', { hasText: 'Presupuesto participativo por barrios' }).locator('.meta')).toHaveText(
			'Montevideo · Uruguay · De 1 a 5 millones de habitantes · Municipal · Desde 2013'
		);
		await axeAtPhone(browser, EVENT_PATH);
		await page.context().close();
		const admin = await organiserPage(browser);
		await admin.goto('/admin/practices');
		await noGlued(admin.locator('ul.published li'));
		await expect(admin.locator('ul.published li', { hasText: 'Presupuesto participativo por barrios' })).toHaveText(
			'Presupuesto participativo por barrios con votación digital y presencial · Montevideo · Ejemplo ilustrativo'
		);
		await expectNoAxeViolations(admin);
		await admin.context().close();
	});

	test('search: a phrase ranks the practices holding it first and says how many do', async ({ browser }) => {
		const page = await phone(browser);
		await page.goto('/pt/practices?q=orcamento+participativo');
		await expect(page.getByRole('heading', { level: 2, name: '14 práticas' })).toBeVisible();
		await expect(page.locator('p.phrase')).toHaveText(
			'4 práticas contêm a frase «orcamento participativo». Outras 10 contêm todas as suas palavras, separadas. Ver só as que contêm a frase'
		);
		const titles = await page.locator('ol.hits h3').allTextContents();
		expect(titles.slice(0, 4).sort()).toEqual([
			'Orçamento participativo e conselho de desenvolvimento em município de pequeno porte',
			'Orçamento participativo por regiões com assembleias presenciais e votação online',
			'Plano estratégico de longo prazo com escuta cidadã digital e presencial',
			'Presupuesto participativo por barrios con votación digital y presencial'
		]);
		expect(titles.findIndex((t) => t.startsWith('Red metropolitana de huertas'))).toBeGreaterThanOrEqual(4);
		await axeAtPhone(browser, page.url());
		await page.getByRole('link', { name: 'Ver só as que contêm a frase' }).click();
		await expect(page.getByRole('heading', { level: 2, name: '4 práticas' })).toBeVisible();
		await page.context().close();
	});
});
