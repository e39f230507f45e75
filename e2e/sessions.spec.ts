import { expect, test, type Browser, type Page } from '@playwright/test';
import { EVENT_PATH, EVENT_TIME_ZONE, expectNoAxeViolations, mailFromOutbox, organiserPage, demoEditLink } from './helpers.ts';

// Independent of the other journeys and of the clock: it adds its own session a month ahead to the
// demo exchange, registers someone for it, moves it, and removes it at the end.
const TITLE = 'Sesión que cambia de hora';
const EMAIL = 'moved@example.org';

test.describe.configure({ mode: 'serial' });

/** A date a month from now on the event's wall clock (YYYY-MM-DD). */
const aMonthAhead = () => new Intl.DateTimeFormat('en-CA', { timeZone: EVENT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 30 * 86_400_000));

/** The session's fieldset in the event editor, found by its title. */
const sessionForm = (page: Page) => page.locator('#sessions fieldset').filter({ has: page.locator(`input[name="title"][value="${TITLE}"]`) });

async function editor(browser: Browser): Promise<Page> {
	const page = await organiserPage(browser);
	await page.goto('/admin');
	await demoEditLink(page).click();
	return page;
}

let calendarUrl = '';

test.describe('An organiser moves and removes a session, and the people registered are told', () => {
	test('a person registers for a session a month ahead and downloads its calendar file', async ({ browser }) => {
		const page = await editor(browser);
		const add = page.locator('form', { has: page.getByRole('group', { name: 'Nueva sesión' }) });
		await add.getByLabel('Título').fill(TITLE);
		await add.getByLabel('Fecha').fill(aMonthAhead());
		await add.getByLabel('Empieza').fill('10:00');
		await add.getByLabel('Termina').fill('12:00');
		await add.getByRole('button', { name: 'Añadir sesión' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		await page.context().close();

		const visitor = await browser.newPage();
		await visitor.goto(`${EVENT_PATH}/register`);
		for (const box of await visitor.locator('fieldset input[type="checkbox"][name="sessions"]').all()) await box.uncheck();
		await visitor.getByRole('checkbox', { name: TITLE }).check();
		await visitor.getByLabel('Nombre y apellido').fill('Marcos Duarte');
		await visitor.getByLabel('Correo electrónico').fill(EMAIL);
		await visitor.getByLabel('País').selectOption('UY');
		await visitor.getByLabel('Ciudad').fill('Montevideo');
		await visitor.getByLabel('Institución', { exact: true }).fill('Intendencia de Montevideo');
		await visitor.getByLabel('Tipo de institución').selectOption('local_government');
		// Another journey may have added a required question of the exchange's own.
		const how = visitor.getByLabel(/¿Cómo supiste del intercambio\?/);
		if (await how.count()) await how.selectOption({ index: 1 });
		await visitor.getByRole('checkbox', { name: /acepto/ }).check();
		await visitor.getByRole('button', { name: 'Inscribirme' }).click();
		await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Revisa tu correo');

		const body = await mailFromOutbox(browser, EMAIL, /Confirma tu inscripción/);
		const link = /(http:\/\/\S+\/registration\/[A-Za-z0-9_-]{32})/.exec(body)![1];
		await visitor.goto(link);
		const href = await visitor.getByRole('link', { name: `Añadir «${TITLE}» al calendario (.ics)` }).getAttribute('href');
		calendarUrl = new URL(href!, visitor.url()).toString();
		const ics = await (await visitor.request.get(calendarUrl)).text();
		expect(ics).toMatch(/^SEQUENCE:0\r?$/m);
		expect(ics).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r?$/m);
		await visitor.context().close();
	});

	test('moving the session mails the new time, and the calendar file has SEQUENCE:1 with the same UID', async ({ browser }) => {
		const request = (await browser.newContext()).request;
		const before = await (await request.get(calendarUrl)).text();
		const uid = /^UID:(.+?)\r?$/m.exec(before)![1];

		const page = await editor(browser);
		const form = sessionForm(page);
		await expect(form.getByText(/las personas inscritas recibirán un aviso por correo/)).toBeVisible();
		await form.getByLabel('Empieza').fill('11:30');
		await form.getByLabel('Termina').fill('13:30');
		await form.getByRole('button', { name: 'Guardar' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		await page.context().close();

		const mail = await mailFromOutbox(browser, EMAIL, /Cambio en «Sesión que cambia de hora»/);
		expect(mail).toMatch(/Nuevo horario: .*11:30/);
		expect(mail).toMatch(/Antes: .*10:00/);
		expect(mail).toContain('/calendar.ics');

		const after = await (await request.get(calendarUrl)).text();
		expect(after).toMatch(/^SEQUENCE:1\r?$/m);
		expect(/^UID:(.+?)\r?$/m.exec(after)![1]).toBe(uid);
		expect(after).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r?$/m);
		expect(after).toContain(`DTSTART;TZID=${EVENT_TIME_ZONE}:${aMonthAhead().replace(/-/g, '')}T113000`);
		await request.dispose();
	});

	test('removing the session asks first, says how many will be told, and only the confirmation removes it', async ({ browser }) => {
		const page = await editor(browser);
		await page.setViewportSize({ width: 360, height: 800 });
		await sessionForm(page).getByRole('link', { name: 'Quitar esta sesión' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/¿Quitar la sesión \d+\?/);
		await expect(page.getByText(`Vas a quitar «${TITLE}»`)).toBeVisible();
		await expect(page.getByText('1 persona inscrita en ella recibirá un aviso por correo.')).toBeVisible();
		await expectNoAxeViolations(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

		// "No": back to the editor, nothing removed.
		await page.getByRole('link', { name: 'No, volver al editor' }).click();
		await expect(sessionForm(page)).toHaveCount(1);

		await sessionForm(page).getByRole('link', { name: 'Quitar esta sesión' }).click();
		await page.getByRole('button', { name: 'Sí, quitar la sesión' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		await expect(sessionForm(page)).toHaveCount(0);
		await page.context().close();

		const mail = await mailFromOutbox(browser, EMAIL, /Sesión cancelada: «Sesión que cambia de hora»/);
		expect(mail).toMatch(/cancelaron la sesión[\s\S]*11:30[\s\S]*Tu inscripción sigue vigente/);
	});
});
