import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expectNoAxeViolations } from './helpers.ts';

const BUDGET = '/practices/presupuesto-participativo-barrios-votacion-digital-presencial';

test.describe('A city official looks for practices to learn from', () => {
	test('searches, filters, opens, compares and takes the data — with JavaScript off', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/');
		await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Prácticas' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Repositorio de prácticas');
		await expect(page.getByRole('heading', { level: 2, name: '24 prácticas' })).toBeVisible();

		// Without accents, in Spanish: Portuguese practices about "orçamento" come too.
		await page.getByLabel('Buscar prácticas').fill('presupuesto participativo');
		await page.getByRole('button', { name: 'Buscar', exact: true }).click();
		await expect(page).toHaveURL(/\/practices\?q=presupuesto\+participativo(&sort=relevance)?$/);
		const titles = page.locator('ol.hits h3');
		await expect(titles.first()).toBeVisible();
		await expect(titles).toContainText(['Presupuesto participativo por barrios con votación digital y presencial']);
		await expect(page.locator('ol.hits')).toContainText('Orçamento participativo');
		await expect(page.locator('ol.hits mark').first()).toBeVisible();

		// Narrow to Brazil: the country facet keeps the other countries on offer, with counts.
		await page.getByRole('group', { name: 'País' }).getByRole('checkbox', { name: /^Brasil/ }).check();
		await page.getByRole('button', { name: 'Aplicar filtros' }).click();
		await expect(page).toHaveURL(/country=BR/);
		const brazil = await page.locator('ol.hits > li').count();
		expect(brazil).toBeGreaterThan(0);
		await expect(page.locator('ol.hits')).not.toContainText('Montevideo');
		await expect(page.getByRole('group', { name: 'País' }).getByRole('checkbox', { name: /^Uruguay \(\d+\)/ })).toBeVisible();
		await page.goBack();
		await expect(page).toHaveURL(/\/practices\?q=presupuesto\+participativo(&sort=relevance)?$/);

		// A misspelling still finds it, and the page says what it searched.
		await page.goto('/practices?q=presupuesto+partisipativo');
		await expect(page.getByText(/mostramos resultados para «presupuesto participativo»/)).toBeVisible();

		// Nothing found: the page offers to loosen the filters.
		await page.goto('/practices?q=vacunacion&country=CL');
		await expect(page.getByText('Ninguna práctica coincide con esta búsqueda.')).toBeVisible();
		await page.getByRole('link', { name: 'Quitar «Chile»' }).click();
		await expect(page.locator('ol.hits > li').first()).toBeVisible();

		// Open a practice: the city's context comes first, then what they did and learned.
		await page.goto('/practices?q=presupuesto+participativo');
		await page.getByRole('link', { name: 'Presupuesto participativo por barrios con votación digital y presencial' }).click();
		await expect(page).toHaveURL(BUDGET);
		await expect(page.getByRole('note')).toHaveText(/Contenido ilustrativo de demostración/);
		const facts = page.locator('section[aria-labelledby="facts-h"]');
		await expect(facts).toContainText('Montevideo');
		await expect(facts).toContainText('Uruguay');
		await expect(facts).toContainText('1.270.737 habitantes');
		await expect(facts).toContainText('De 1 a 5 millones de habitantes');
		await expect(facts).toContainText('Presentada en «Intercambio de buenas prácticas en planificación estratégica territorial»');
		for (const heading of ['Cuál era el problema', 'Qué hicieron y cómo', 'Qué cambió', 'Lecciones aprendidas', 'Qué hace falta para replicarla']) {
			await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
		}
		await expect(page.locator('section[aria-labelledby="cite-h"] code')).toContainText(`Montevideo (`);
		await expect(page.locator('section[aria-labelledby="cite-h"] code')).toContainText(`${BUDGET}. CC BY 4.0.`);
		const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
		expect(jsonLd).toMatchObject({ '@type': 'CreativeWork', inLanguage: 'es', license: 'https://creativecommons.org/licenses/by/4.0/' });
		const similar = page.locator('section[aria-labelledby="similar-h"] li');
		await expect(similar).toHaveCount(4);
		await page.getByRole('link', { name: /Historial de cambios \(1 versiones\)/ }).click();
		await expect(page.getByText('Primera publicación.')).toBeVisible();

		// Compare two practices side by side.
		await page.goto('/practices?q=presupuesto+participativo');
		const checks = page.getByRole('checkbox', { name: /^Comparar/ });
		await checks.nth(0).check();
		await checks.nth(1).check();
		// The button at the top of the results (the one at the bottom does the same).
		await page.getByRole('button', { name: 'Comparar las prácticas elegidas' }).first().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparar prácticas');
		await expect(page.locator('table.compare thead th')).toHaveCount(3);
		await expect(page.getByRole('rowheader', { name: 'Lecciones aprendidas' })).toBeVisible();

		// Take the data: CSV of the whole repository.
		await page.goto('/practices');
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar CSV' }).click()]);
		expect(download.suggestedFilename()).toBe('intercambio-practices.csv');
		const rows = parse(fs.readFileSync((await download.path())!, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
		expect(rows).toHaveLength(24);
		expect(rows.every((r) => r.illustrativeDemo === 'true' && r.licence === 'CC-BY-4.0')).toBe(true);
		await context.close();
	});

	test('reads the same in Portuguese, and every page passes axe', async ({ page }) => {
		await page.goto('/pt/practices?q=orcamento');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Repositório de práticas');
		await expect(page.locator('ol.hits')).toContainText('Orçamento participativo');
		await expectNoAxeViolations(page);
		await page.goto('/pt/practices/orcamento-participativo-regioes-assembleias-votacao-online');
		await expect(page.getByRole('heading', { level: 2, name: 'O que fizeram e como' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
		await expectNoAxeViolations(page);
		for (const path of ['/practices', '/practices?q=zzzz', BUDGET, `${BUDGET}/history`, `/practices/compare?p=${BUDGET.split('/').pop()}&p=orcamento-participativo-regioes-assembleias-votacao-online`, '/en/practices?country=BR']) {
			await page.goto(path);
			await expectNoAxeViolations(page);
		}
	});

	test('sees the practices on a map and in figures, each with a text alternative', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/practices');
		await page.getByRole('link', { name: 'Mapa', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mapa de prácticas');
		// Drawn on the server: country outlines and one marker per city or group of close cities, each a link.
		expect(await page.locator('svg .land path').count()).toBeGreaterThan(10);
		expect(await page.locator('svg .points a').count()).toBeGreaterThanOrEqual(5);
		await expect(page.locator('svg .points a title').first()).toHaveText(/: 1 práctica|: \d+ prácticas/);
		// The same information as a list.
		const list = page.locator('section[aria-labelledby="places-h"]');
		await expect(list.getByRole('heading', { level: 3, name: 'Uruguay' })).toBeVisible();
		await expect(list).toContainText('Montevideo: Presupuesto participativo por barrios con votación digital y presencial');

		await page.goto('/practices/figures');
		await expect(page.getByText('24 prácticas publicadas en total.')).toBeVisible();
		const axes = page.locator('section[aria-labelledby="chart-axes"]');
		await expect(axes.locator('svg rect')).toHaveCount(3);
		await expect(axes.getByRole('row', { name: /Participación ciudadana/ })).toContainText('12');
		const bands = page.locator('section[aria-labelledby="chart-bands"] tbody th');
		await expect(bands).toHaveText([
			'Menos de 20 000 habitantes',
			'De 20 000 a 50 000 habitantes',
			'De 50 000 a 200 000 habitantes',
			'De 200 000 a 1 millón de habitantes',
			'De 1 a 5 millones de habitantes',
			'Más de 5 millones de habitantes'
		]);
		await context.close();
		const checkerContext = await browser.newContext();
		const checker = await checkerContext.newPage();
		for (const path of ['/practices/map', '/pt/practices/figures']) {
			await checker.goto(path);
			await expectNoAxeViolations(checker);
		}
		await checkerContext.close();
	});

	test('gets the same data from the API, the feed and the sitemap', async ({ request }) => {
		const api = await (await request.get('/api/v1/practices?q=orcamento&per_page=5')).json();
		expect(api.meta).toMatchObject({ page: 1, perPage: 5, licence: 'CC-BY-4.0' });
		expect(api.data[0]).toMatchObject({ slug: expect.any(String), url: expect.stringContaining('/practices/'), illustrativeDemo: true });
		const filtered = await (await request.get('/api/v1/practices?country=UY&level=municipal')).json();
		expect(filtered.data.every((p: { countries: string[]; articulation: string }) => p.countries.includes('UY') && p.articulation === 'municipal')).toBe(true);
		const openapi = await (await request.get('/api/v1/openapi.json')).json();
		expect(openapi.openapi).toBe('3.1.0');
		expect(Object.keys(openapi.paths)).toContain('/api/v1/practices');
		const feed = await request.get('/practices/feed.atom');
		expect(feed.headers()['content-type']).toContain('application/atom+xml');
		expect((await feed.text()).match(/<entry>/g)).toHaveLength(24);
		const sitemap = await (await request.get('/sitemap.xml')).text();
		expect(sitemap).toContain(`${BUDGET}</loc>`);
		expect(sitemap).toContain('hreflang="pt"');
	});
});
