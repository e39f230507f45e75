import { expect, test } from '@playwright/test';
import { calendarEvents } from '../src/lib/testing/calendar.ts';
import fs from 'node:fs';
import { EVENT_PATH, expectNoAxeViolations } from './helpers.ts';

test.describe('A visitor learns about the exchange', () => {
	test('in Spanish, with the times in the event zone and in their own', async ({ browser }) => {
		const context = await browser.newContext({ timezoneId: 'Europe/Lisbon', locale: 'es-ES' });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Intercambios de buenas prácticas entre ciudades');
		await expectNoAxeViolations(page);

		// The home page shows what is coming (other journeys may have published editions ahead); the held
		// 2021 exchange is in the list of all exchanges.
		await page.getByRole('link', { name: 'Ver todos los intercambios' }).click();
		await page.getByRole('link', { name: 'Intercambio de buenas prácticas en planificación estratégica territorial', exact: true }).first().click();
		await expect(page).toHaveURL(EVENT_PATH);
		await expect(page.getByText('Red: Mercociudades')).toBeVisible();
		await expect(page.getByText('Unidad Temática de Planificación Estratégica y Áreas Metropolitanas').first()).toBeVisible();
		// The 2021 exchange was held: its page says so instead of showing an agenda to be defined.
		for (const heading of ['Antecedentes', 'Objetivo', 'Ejes temáticos', 'Formato', 'Sesiones', 'El intercambio ya se realizó']) {
			await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
		}
		const axes = page.locator('section[aria-labelledby="axes"] li strong');
		await expect(axes).toHaveText([
			'Participación ciudadana',
			'Innovación en la planificación estratégica',
			'Adaptabilidad de la planificación frente a la pandemia'
		]);
		await expect(page.getByText(/Por definir/)).toHaveCount(0); // held, so not "to be defined"
		// What was presented there is in the repository, one click away.
		await expect(page.getByRole('heading', { level: 2, name: 'Prácticas presentadas' })).toBeVisible();
		await expect(page.locator('ul.presented > li')).toHaveCount(12);
		await expect(page.locator('ul.presented')).toContainText('Presupuesto participativo por barrios con votación digital y presencial');
		// Held: nothing invites people to register any more.
		await expect(page.locator(`a[href$="${EVENT_PATH}/register"]`)).toHaveCount(0);

		const first = page.locator('ol.sessions > li').first();
		await expect(first.getByRole('heading', { level: 3 })).toContainText('Primera sesión');
		await expect(first).toContainText(new RegExp(`jueves, 15 de julio de 2021,?\\s10:00\\s*–\\s*12:00\\sGMT-3`));
		// The browser (JavaScript on) told us the visitor is in Lisbon: 14:00–16:00 there.
		await expect(first).toContainText('Tu hora · Lisboa');
		await expect(first).toContainText(new RegExp(`jueves, 15 de julio de 2021,?\\s14:00\\s*–\\s*16:00\\sGMT\\+1`));
		const second = page.locator('ol.sessions > li').nth(1);
		await expect(second).toContainText(new RegExp(`jueves, 22 de julio de 2021,?\\s10:00\\s*–\\s*12:00\\sGMT-3`));
		await expectNoAxeViolations(page);
		// A plain HTML page: the browser's zone was learnt on the first page, so no script at all now.
		const scripts = await page.locator('script[src], link[rel="modulepreload"]').evaluateAll((els) =>
			els.map((e) => e.getAttribute('src') ?? e.getAttribute('href'))
		);
		expect(scripts).toEqual([]);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			first.getByRole('link', { name: /Añadir «Primera sesión» al calendario/ }).click()
		]);
		expect(download.suggestedFilename()).toBe('intercambio-planificacion-2021-1.ics');
		const text = fs.readFileSync((await download.path())!, 'utf8');
		expect(text).toContain('DTSTART;TZID=America/Montevideo:20210715T100000');
		const events = calendarEvents(text);
		expect(events).toHaveLength(1);
		expect(new Date(events[0].start).toISOString()).toBe('2021-07-15T13:00:00.000Z');
		expect(events[0].uid).toMatch(/^session-[0-9a-f-]+@localhost$/);
		expect(events[0].summary).toBe('Intercambio de buenas prácticas en planificación estratégica territorial — Primera sesión');

		const all = await page.request.get(`${EVENT_PATH}/calendar.ics`);
		expect(all.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		// One entry per session of the exchange (other journeys may add sessions of their own).
		const summaries = calendarEvents(await all.text()).map((e) => String(e.summary));
		const title = 'Intercambio de buenas prácticas en planificación estratégica territorial';
		expect(summaries).toEqual(expect.arrayContaining([`${title} — Primera sesión`, `${title} — Segunda sesión`]));
		expect(new Set(summaries).size).toBe(summaries.length);
		await context.close();
	});

	test('in Portuguese and English, switching language on the page', async ({ page }) => {
		await page.goto(EVENT_PATH);
		const alternates = await page.locator('link[rel="alternate"]').evaluateAll((links) =>
			links.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href')!).pathname}`)
		);
		expect(alternates).toEqual([
			`es ${EVENT_PATH}`,
			`pt /pt${EVENT_PATH}`,
			`en /en${EVENT_PATH}`,
			`x-default ${EVENT_PATH}`
		]);
		await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'Português' }).click();
		await expect(page).toHaveURL(`/pt${EVENT_PATH}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Intercâmbio de boas práticas em planejamento estratégico territorial');
		await expect(page.getByRole('heading', { level: 2, name: 'Eixos temáticos' })).toBeVisible();
		await expect(page.locator('ol.sessions > li').first()).toContainText(new RegExp(`quinta-feira, 15 de julho de 2021,?\\s10:00\\s*–\\s*12:00\\sGMT-3`));
		await expect(page.locator('section[aria-labelledby="axes"] li strong').first()).toHaveText('Participação cidadã');
		await expectNoAxeViolations(page);

		await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
		await expect(page).toHaveURL(`/en${EVENT_PATH}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exchange of good practices in strategic territorial planning');
		await expect(page.locator('ol.sessions > li').first()).toContainText(new RegExp(`Thursday, July 15, 2021,?\\s10:00\\s*–\\s*12:00\\sGMT-3`));
		await expect(page.getByRole('heading', { level: 2, name: 'Thematic axes' })).toBeVisible();
		await expectNoAxeViolations(page);

		const ics = await page.request.get(`/en${EVENT_PATH}/calendar.ics`);
		const [firstEvent] = calendarEvents(await ics.text());
		expect(firstEvent.summary).toBe('Exchange of good practices in strategic territorial planning — First session');
	});

	test('with JavaScript off, picking a time zone by hand', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, timezoneId: 'Asia/Tokyo' });
		const page = await context.newPage();
		await page.goto(`/pt${EVENT_PATH}`);
		const first = page.locator('ol.sessions > li').first();
		await expect(first).toContainText(/10:00\s*–\s*12:00\sGMT-3/);
		// No script ran, so the page cannot know the zone yet: it offers to choose one.
		await expect(first.getByRole('link', { name: 'Escolha seu fuso horário para ver também o seu horário local.' })).toBeVisible();
		await first.getByRole('link', { name: /Escolha seu fuso horário/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ver os horários no seu fuso');
		await page.getByLabel('Seu fuso horário').selectOption('Europe/Madrid');
		await page.getByRole('button', { name: 'Mostrar' }).click();
		await expect(page).toHaveURL(`/pt${EVENT_PATH}`);
		await expect(page.locator('ol.sessions > li').first()).toContainText('Seu horário · Madrid');
		await expect(page.locator('ol.sessions > li').first()).toContainText(/15:00\s*–\s*17:00\sGMT\+2/);
		await page.goto('/en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exchanges of good practices between cities');
		await context.close();
		// axe runs as a script, so the same pages are checked in a browser with JavaScript on.
		const checkerContext = await browser.newContext();
		const checker = await checkerContext.newPage();
		for (const path of [`/pt${EVENT_PATH}`, `/pt/time-zone?return=/pt${EVENT_PATH}`, '/en']) {
			await checker.goto(path);
			await expectNoAxeViolations(checker);
		}
		await checkerContext.close();
	});

	test('gets a clear page, not an error, for what does not exist', async ({ page }) => {
		const response = await page.goto('/pt/events/nao-existe');
		expect(response?.status()).toBe(404);
		await expect(page.getByText('Não encontramos esta página.')).toBeVisible();
		await expectNoAxeViolations(page);
		expect((await page.request.get('/healthz')).status()).toBe(200);
		expect(await (await page.request.get('/readyz')).json()).toMatchObject({ status: 'ready', database: 'pglite' });
	});
});
