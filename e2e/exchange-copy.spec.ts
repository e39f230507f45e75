import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ORGANISER_STATE } from './global-setup.ts';
import { EVENT_PATH, EVENT_TIME_ZONE, expectNoAxeViolations } from './helpers.ts';

// Issue 12: the administrator prepares the next edition of the 2021 demo exchange by copying it —
// previewing where its sessions land first — and creates a brand-new exchange, without JavaScript.
// Each run uses its own titles and addresses (the journeys' database lives for the whole run).

const demo = JSON.parse(fs.readFileSync('src/lib/server/demo/exchange.json', 'utf8')) as {
	event: { title: { es: string }; summary: { es: string }; format: { es: string } };
	axes: { name: { es: string } }[];
	sessions: { title: { es: string }; startsAt: string; endsAt: string }[];
};

async function organiser(browser: Browser, javaScriptEnabled = false, width = 1280): Promise<Page> {
	const context = await browser.newContext({ storageState: ORGANISER_STATE, javaScriptEnabled, viewport: { width, height: 800 } });
	return context.newPage();
}

/** axe runs inside the page: the same address, as the same organiser, at 360 px, with JavaScript on. */
async function axeAt360(browser: Browser, url: string) {
	const page = await organiser(browser, true, 360);
	await page.goto(url);
	await expectNoAxeViolations(page);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.context().close();
}

const DAY = 86_400_000;
const wallDate = (instant: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
const wallTime = (instant: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

/**
 * The copy rule, written again here: the first session lands on the chosen date, every session moves
 * by the same number of calendar days and keeps its wall-clock times in the exchange's zone
 * (Montevideo keeps UTC−3 all year, so its wall clock is UTC shifted by three hours).
 */
function expectedSessions(firstDate: string) {
	const first = wallDate(new Date(demo.sessions[0].startsAt), EVENT_TIME_ZONE);
	const days = Math.round((Date.parse(`${firstDate}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY);
	return demo.sessions.map((s) => {
		const [start, end] = [new Date(s.startsAt), new Date(s.endsAt)];
		const date = new Date(Date.parse(`${wallDate(start, EVENT_TIME_ZONE)}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
		return {
			title: s.title.es,
			date,
			start: wallTime(start, EVENT_TIME_ZONE),
			end: wallTime(end, EVENT_TIME_ZONE),
			startsAt: new Date(`${date}T${wallTime(start, EVENT_TIME_ZONE)}:00-03:00`),
			endsAt: new Date(`${date}T${wallTime(end, EVENT_TIME_ZONE)}:00-03:00`)
		};
	});
}

/** As the page writes a session (formatSessionRange in src/lib/time.ts): Spanish, the exchange's zone and offset. */
function sessionText(startsAt: Date, endsAt: Date) {
	const range = new Intl.DateTimeFormat('es', {
		timeZone: EVENT_TIME_ZONE,
		weekday: 'long',
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatRange(startsAt, endsAt);
	const offset = new Intl.DateTimeFormat('es', { timeZone: EVENT_TIME_ZONE, timeZoneName: 'shortOffset' }).formatToParts(startsAt).find((p) => p.type === 'timeZoneName')!.value;
	return `${range} ${offset}`;
}

test.describe('An organiser prepares the next edition', () => {
	test('copies the 2021 demo into a 2027 draft, previewing the dates first, without JavaScript', async ({ browser }) => {
		const run = randomUUID().slice(0, 8);
		const title = `Intercambio de planificación 2027 ${run}`;
		const slug = `planificacion-2027-${run}`;
		const page = await organiser(browser);
		await page.goto('/admin/events');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Intercambios');
		await axeAt360(browser, '/admin/events');
		await page.getByRole('link', { name: `Copiar en una nueva edición: «${demo.event.title.es}»` }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Copiar «${demo.event.title.es}»`);
		// The old title (it ends in no year) is offered as it was.
		await expect(page.getByLabel('Título de la nueva edición, en español')).toHaveValue(demo.event.title.es);
		await expect(page.getByText('Elige la fecha de la primera sesión y pulsa «Ver las fechas»')).toBeVisible();
		const copyUrl = page.url();
		await axeAt360(browser, copyUrl);

		await page.getByLabel('Título de la nueva edición, en español').fill(title);
		await page.getByLabel('Dirección').fill(slug);
		// A Tuesday: the form warns that every session changes its weekday.
		await page.getByLabel('Fecha de la primera sesión').fill('2027-07-13');
		await page.getByRole('button', { name: 'Ver las fechas' }).click();
		await expect(page.locator('#c-preview .notice')).toHaveText(
			'El 13 de julio de 2027 es martes, pero la primera sesión era un jueves: todas las sesiones cambiarán de día de la semana.'
		);
		await expect(page.getByLabel('Título de la nueva edición, en español')).toHaveValue(title);

		// A Thursday, as in 2021: the preview shows each session where the rule puts it.
		await page.getByLabel('Fecha de la primera sesión').fill('2027-07-15');
		await page.getByRole('button', { name: 'Ver las fechas' }).click();
		const expected = expectedSessions('2027-07-15');
		expect(expected.map((s) => [s.date, s.start, s.end])).toEqual([
			['2027-07-15', '10:00', '12:00'],
			['2027-07-22', '10:00', '12:00']
		]);
		await expect(page.locator('#c-preview .notice')).toHaveCount(0);
		await expect(page.locator('#c-preview [data-new]')).toHaveText(expected.map((s) => sessionText(s.startsAt, s.endsAt)));
		await expect(page.locator('#c-preview [data-new]').first()).toHaveText('jueves, 15 de julio de 2027, 10:00–12:00 GMT-3');

		// The preview page is axe-clean at 360 px too (posted in a tab with JavaScript on, as the checker needs).
		const checker = await organiser(browser, true, 360);
		await checker.goto(copyUrl);
		await checker.getByLabel('Fecha de la primera sesión').fill('2027-07-15');
		await checker.getByRole('button', { name: 'Ver las fechas' }).click();
		await expect(checker.locator('#c-preview [data-new]')).toHaveCount(expected.length);
		await expectNoAxeViolations(checker);
		await checker.context().close();

		// An address in use is refused in the person's language, what was typed kept.
		await page.getByLabel('Dirección').fill(EVENT_PATH.split('/').pop()!);
		await page.getByRole('button', { name: 'Crear la copia' }).click();
		await expect(page.getByRole('alert')).toHaveText('Esa dirección ya está en uso (o lo estuvo): elige otra.');
		await expect(page.getByLabel('Título de la nueva edición, en español')).toHaveValue(title);
		await expect(page.getByLabel('Fecha de la primera sesión')).toHaveValue('2027-07-15');

		await page.getByLabel('Dirección').fill(slug);
		await page.getByRole('button', { name: 'Crear la copia' }).click();
		// The editor of the new draft: 2021's texts and axes, 2027's sessions.
		await expect(page).toHaveURL(/\/admin\/events\/[0-9a-f-]{36}$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Editar «${title}»`);
		await expect(page.locator('#t-title')).toHaveValue(title);
		await expect(page.locator('#t-summary')).toHaveValue(demo.event.summary.es);
		await expect(page.locator('#t-format')).toHaveValue(demo.event.format.es);
		const axisNames = page.locator('#axes input[name^="axis."][name$=".name"]');
		await expect(axisNames).toHaveCount(demo.axes.length);
		for (const [i, a] of demo.axes.entries()) await expect(axisNames.nth(i)).toHaveValue(a.name.es);
		await expect(page.locator('#axes fieldset textarea[name$=".conclusions"]').first()).toHaveValue('');
		const sessions = page.locator('#sessions > fieldset');
		await expect(sessions).toHaveCount(expected.length);
		for (const [i, s] of expected.entries()) {
			await expect(sessions.nth(i).locator('input[name="title"]')).toHaveValue(s.title);
			await expect(sessions.nth(i).locator('input[name="date"]')).toHaveValue(s.date);
			await expect(sessions.nth(i).locator('input[name="startTime"]')).toHaveValue(s.start);
			await expect(sessions.nth(i).locator('input[name="endTime"]')).toHaveValue(s.end);
			await expect(sessions.nth(i).locator('input[name="joinUrl"]')).toHaveValue('');
		}

		// A draft: listed as such, and not public.
		await page.goto('/admin/events');
		const card = page.locator('li.card').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
		await expect(card.locator('p.muted')).toContainText('Borrador');
		await expect(card.locator('p.muted')).toContainText('Sesiones del 15 de julio de 2027 al 22 de julio de 2027');
		const visitor = await browser.newContext();
		expect((await visitor.request.get(`/events/${slug}`)).status()).toBe(404);
		await visitor.close();
		await page.context().close();
	});

	test('creates a brand-new exchange whose address comes from its title, with errors in the person’s language', async ({ browser }) => {
		const run = randomUUID().slice(0, 8);
		const page = await organiser(browser);
		await page.goto('/admin/events');
		await page.getByRole('link', { name: 'Nuevo intercambio' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nuevo intercambio');
		await axeAt360(browser, page.url());

		// Spaces pass the browser's own check, not the server's.
		await page.getByLabel('Título en español').fill('   ');
		await page.getByRole('button', { name: 'Crear el intercambio' }).click();
		await expect(page.locator('#n-title-error')).toHaveText('Este campo es obligatorio.');

		await page.getByLabel('Título en español').fill(`Encuentro de movilidad urbana ${run}`);
		await page.getByLabel('Zona horaria del evento').selectOption('Europe/Madrid');
		await page.getByLabel('English').check();
		await page.getByRole('button', { name: 'Crear el intercambio' }).click();
		await expect(page).toHaveURL(/\/admin\/events\/[0-9a-f-]{36}$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Editar «Encuentro de movilidad urbana ${run}»`);
		await expect(page.locator('#s-zone')).toHaveValue('Europe/Madrid');
		await expect(page.getByRole('link', { name: 'Ver la página pública' })).toHaveAttribute('href', `/events/encuentro-de-movilidad-urbana-${run}`);
		await page.context().close();

		// In English, the same refusal in English.
		const en = await organiser(browser);
		await en.goto('/en/admin/events/new');
		await en.getByLabel('Title in Spanish').fill(`Otro encuentro ${run}`);
		await en.getByLabel('Address').fill(`encuentro-de-movilidad-urbana-${run}`);
		await en.getByRole('button', { name: 'Create the exchange' }).click();
		await expect(en.getByRole('alert')).toHaveText('That address is (or was) in use: choose another.');
		await en.context().close();
	});
});
