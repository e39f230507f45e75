import { expect, test, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { EVENT_PATH, dayOver, expectNoAxeViolations, mailFromOutbox, organiserPage, removeSessionByTitle, sessionOnNow, demoEditLink } from './helpers.ts';

// This journey needs no other to have run: it opens its own session on the demo exchange, signed in
// as the organiser global-setup signed in, and removes the session at the end.
const SESSION_TITLE = 'Sesión de prueba de inscripción';
const JOIN_URL = 'https://meet.example.org/intercambio-prueba';

test.describe.configure({ mode: 'serial' });

const organiser = organiserPage;

/** The newest mail to someone with this subject, read by an organiser in the outbox; returns its private link. */
async function registrationLink(browser: Browser, recipient: string, subject: RegExp): Promise<string> {
	const body = await mailFromOutbox(browser, recipient, subject);
	const link = /(http:\/\/\S+\/registration\/[A-Za-z0-9_-]{32})/.exec(body)?.[1];
	expect(link, body).toBeTruthy();
	return link!;
}

/** axe runs scripts in the page: check pages of a JavaScript-off journey in a normal tab. */
async function expectAxeCleanAt(browser: Browser, url: string) {
	const context = await browser.newContext();
	const checker = await context.newPage();
	await checker.goto(url);
	await expectNoAxeViolations(checker);
	await context.close();
}

async function fillRegistration(page: Page, who: { name: string; email: string }) {
	await page.getByRole('checkbox', { name: SESSION_TITLE }).check();
	await page.getByLabel('Nombre y apellido').fill(who.name);
	await page.getByLabel('Correo electrónico').fill(who.email);
	await page.getByLabel('País').selectOption('UY');
	await page.getByLabel('Ciudad').fill('Montevideo');
	await page.getByLabel('Institución', { exact: true }).fill('Intendencia de Montevideo');
	await page.getByLabel('Tipo de institución').selectOption('local_government');
	await page.getByLabel(/¿Cómo supiste del intercambio\?/).selectOption({ label: 'Por mi municipio' });
	await page.getByRole('checkbox', { name: /acepto/ }).check();
}

test.describe('People register for a session, and an organiser follows the seats', () => {
	// The session this journey opens goes again afterwards: the demo exchange stays a past exchange.
	test.afterAll(async ({ browser }) => removeSessionByTitle(browser, SESSION_TITLE));

	test('the organiser opens a session (on now) with one seat and a join link', async ({ browser }) => {
		const page = await organiser(browser);
		await page.goto('/admin');
		await demoEditLink(page).click();
		const add = page.locator('form', { has: page.getByRole('group', { name: 'Nueva sesión' }) });
		// On now in the exchange's zone, at any hour, near midnight too: people register for it and check in.
		const onNow = sessionOnNow();
		await add.getByLabel('Título').fill(SESSION_TITLE);
		await add.getByLabel('Fecha').fill(onNow.date);
		await add.getByLabel('Empieza').fill(onNow.start);
		await add.getByLabel('Termina').fill(onNow.end);
		await add.getByLabel(/Enlace para unirse/).fill(JOIN_URL);
		await add.getByRole('button', { name: 'Añadir sesión' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');

		await page.getByRole('link', { name: 'Inscripciones' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Inscripciones');
		await page.getByLabel(`Plazas de «${SESSION_TITLE}»`).fill('una');
		await page.locator('#capacity form').last().getByRole('button', { name: 'Guardar' }).click();
		await expect(page.getByText('Escribe un número entero de plazas')).toBeVisible();
		await page.getByLabel(`Plazas de «${SESSION_TITLE}»`).fill('1');
		await page.locator('#capacity form').last().getByRole('button', { name: 'Guardar' }).click();
		await expect(page.getByRole('status').first()).toHaveText('Cambios guardados.');

		// A question of the exchange's own, required, with options.
		await page.getByLabel('Tipo de pregunta').selectOption('select');
		await page.getByLabel('Pregunta', { exact: true }).fill('¿Cómo supiste del intercambio?');
		await page.getByLabel('Opciones (una por línea, solo para listas)').last().fill('Por la red\nPor mi municipio\nOtro');
		await page.getByLabel('Obligatoria').check();
		await page.getByRole('button', { name: 'Agregar pregunta' }).click();
		await expect(page.getByRole('status').first()).toHaveText('Cambios guardados.');
		await expect(page.locator('#questions li')).toContainText('¿Cómo supiste del intercambio?');
		await expectNoAxeViolations(page);
		await page.context().close();
	});

	test('without JavaScript: registers, confirms from the mail, sees the join link, downloads the calendar and the data', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(EVENT_PATH);
		await page.getByRole('link', { name: 'Inscribirme' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscripción');
		await expect(page.getByText('Plazas libres: 1.')).toBeVisible();
		// The only session ahead comes ticked; a person may untick it.
		await page.getByRole('checkbox', { name: SESSION_TITLE }).uncheck();
		await expectAxeCleanAt(browser, page.url());

		// Nothing chosen, nothing accepted: clear messages, nothing saved.
		await page.getByRole('button', { name: 'Inscribirme' }).click();
		await expect(page.locator('#error-summary')).toBeFocused();
		await expect(page.locator('#error-summary h2')).toHaveText('Hay un problema');
		await expect(page.locator('#r-sessions-error')).toHaveText('Elige al menos una sesión.');
		await expect(page.locator('#r-consent-error')).toContainText('Para inscribirte tienes que aceptar');
		const howId = await page.getByLabel(/¿Cómo supiste del intercambio\?/).getAttribute('id');
		await expect(page.locator(`#${howId}-error`)).toHaveText('Este campo es obligatorio.');

		await page.getByLabel('Nombre y apellido').fill('Lucía Fernández');
		await fillRegistration(page, { name: 'Lucía Fernández', email: 'lucia@example.org' });
		await page.getByRole('button', { name: 'Inscribirme' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisa tu correo');
		await expectAxeCleanAt(browser, page.url());

		const link = await registrationLink(browser, 'lucia@example.org', /Confirma tu inscripción/);
		await page.goto(link);
		await expect(page.getByText('Pendiente de confirmación')).toBeVisible();
		// The join link is for confirmed registrants only: not even in this page's HTML yet.
		expect(await page.content()).not.toContain(JOIN_URL);
		await page.getByRole('button', { name: 'Confirmar inscripción' }).click();
		await expect(page.getByRole('status')).toHaveText('¡Listo! Tu inscripción está confirmada.');
		await expect(page.getByText('plaza confirmada')).toBeVisible();
		await expect(page.getByRole('link', { name: `Entrar a «${SESSION_TITLE}»` })).toHaveAttribute('href', JOIN_URL);
		await expectAxeCleanAt(browser, page.url());

		const ics = await (await context.request.get(await page.getByRole('link', { name: `Añadir «${SESSION_TITLE}» al calendario (.ics)` }).getAttribute('href').then((h) => h!))).text();
		expect(ics).toContain('BEGIN:VEVENT');
		expect(ics.replace(/\r\n /g, '')).toContain(JOIN_URL);
		const data = await (await context.request.get(`${link}/data.json`)).json();
		expect(data).toMatchObject({ email: 'lucia@example.org', name: 'Lucía Fernández', country: 'UY', status: 'confirmed' });

		// The public pages never carry the join link.
		await page.goto(EVENT_PATH);
		expect(await page.content()).not.toContain(JOIN_URL);
		await context.close();
	});

	test('with JavaScript: the city is suggested, the full session puts the second person on the waiting list, and a cancellation gives them the seat', async ({ browser }) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		// The same form in Portuguese.
		await page.goto(`/pt${EVENT_PATH}/register`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscrição');
		await expect(page.getByText('Lotada: você entrará na lista de espera.')).toBeVisible();
		await expectNoAxeViolations(page);
		await page.goto(`${EVENT_PATH}/register`);
		await expect(page.getByText('Completa: te anotaremos en la lista de espera.')).toBeVisible();
		await page.getByLabel('País').selectOption('UY');
		await page.getByLabel('Ciudad').pressSequentially('Montev');
		await expect(page.locator('#r-city-list option[value="Montevideo"]')).toHaveCount(1);
		await fillRegistration(page, { name: 'Pedro Alves', email: 'pedro@example.org' });
		await page.getByRole('button', { name: 'Inscribirme' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisa tu correo');

		const pedro = await registrationLink(browser, 'pedro@example.org', /Confirma tu inscripción/);
		await page.goto(pedro);
		await page.getByRole('button', { name: 'Confirmar inscripción' }).click();
		await expect(page.getByText('en lista de espera')).toBeVisible();
		expect(await page.content()).not.toContain(JOIN_URL);

		// Lucía cancels: her seat goes to Pedro, who is told by mail.
		const lucia = await registrationLink(browser, 'lucia@example.org', /Confirma tu inscripción/);
		const other = await context.newPage();
		await other.goto(lucia);
		await other.getByRole('button', { name: 'Cancelar mi inscripción' }).click();
		await expect(other.getByRole('status')).toHaveText('Inscripción cancelada.');
		await registrationLink(browser, 'pedro@example.org', /Se liberó una plaza para ti/);
		await page.reload();
		await expect(page.getByText('plaza confirmada')).toBeVisible();
		await expect(page.getByRole('link', { name: `Entrar a «${SESSION_TITLE}»` })).toHaveAttribute('href', JOIN_URL);

		// During the session Pedro says he is there, and gets his certificate.
		await page.getByRole('button', { name: `Estoy presente en «${SESSION_TITLE}»` }).click();
		await expect(page.getByRole('status')).toHaveText('¡Gracias! Tu asistencia quedó registrada.');
		await expectNoAxeViolations(page);
		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Descargar mi certificado (PDF)' }).click();
		const pdf = new Uint8Array(fs.readFileSync(await (await download).path()));
		const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
		expect(text).toContain('Pedro Alves');
		expect(text).toContain('asistente');
		const verify = /(http:\/\/\S+\/certificates\/verify\/[A-Z0-9]{10})/.exec(text)?.[1];
		expect(verify, text).toBeTruthy();
		await page.goto(verify!);
		await expect(page.getByRole('status')).toContainText('es auténtico');
		await expect(page.locator('dd').first()).toHaveText('Pedro Alves');
		await expect(page.locator('dd').nth(2)).toHaveText('asistente');
		// Nothing more than name, event and role.
		expect(await page.content()).not.toContain('pedro@example.org');
		await expectNoAxeViolations(page);
		await context.close();
	});

	test('the organiser watches the waiting list move when adding a seat, filters the table and exports it as XLSX', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${EVENT_PATH}/register`);
		await fillRegistration(page, { name: 'Marta Gómez', email: 'marta@example.org' });
		await page.getByRole('button', { name: 'Inscribirme' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisa tu correo');

		const admin = await organiser(browser);
		await admin.goto('/admin');
		await demoEditLink(admin).click();
		await admin.getByRole('link', { name: 'Inscripciones' }).click();
		const url = admin.url();
		const people = admin.locator('section', { has: admin.locator('#list-h') });
		await admin.getByLabel('Estado').selectOption('waitlisted');
		await admin.getByRole('button', { name: 'Aplicar' }).click();
		await expect(people.locator('tbody tr')).toHaveCount(1);
		await expect(people.locator('tbody tr')).toContainText('marta@example.org');

		await admin.goto(url);
		await admin.getByLabel(`Plazas de «${SESSION_TITLE}»`).fill('2');
		await admin.locator('#capacity form').last().getByRole('button', { name: 'Guardar' }).click();
		await expect(admin.getByRole('status').first()).toHaveText('Cambios guardados.');
		await registrationLink(browser, 'marta@example.org', /Se liberó una plaza para ti/);
		await admin.getByLabel('Estado').selectOption('waitlisted');
		await admin.getByRole('button', { name: 'Aplicar' }).click();
		await expect(people.locator('tbody tr')).toHaveCount(0);

		// The charts are drawn (the CSP used to block the inline widths: every bar was 0 px wide).
		const widths = await admin.locator('svg.bar-svg rect.bar-a').evaluateAll((bars) => bars.map((b) => [Number(b.getAttribute('width')), b.getBoundingClientRect().width]));
		const drawn = widths.filter(([attribute]) => attribute > 0);
		expect(drawn.length).toBeGreaterThan(0);
		for (const [, rendered] of drawn) expect(rendered).toBeGreaterThan(1);
		expect(await admin.locator('[style]').count()).toBe(0);

		// The meeting tool's report: Marta was there long enough, someone else was not registered.
		await admin.getByRole('link', { name: 'Asistencia y certificados' }).click();
		await admin.getByLabel('Sesión', { exact: true }).selectOption({ label: SESSION_TITLE });
		await admin.getByLabel('Archivo CSV').setInputFiles({
			name: 'asistencia.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('Nombre;Correo;Duración (minutos)\nMarta;marta@example.org;1400\nOtra;otra@example.org;30\n=cmd|calc;no es correo;5\n')
		});
		await admin.getByRole('button', { name: 'Subir y ver las columnas' }).click();
		await expect(admin.getByText('Archivo «asistencia.csv»')).toBeVisible();
		await expect(admin.getByLabel('Columna del correo')).toHaveValue('1');
		await expect(admin.getByLabel('Columna de los minutos')).toHaveValue('2');
		await expectNoAxeViolations(admin);
		await admin.getByRole('button', { name: 'Importar la asistencia' }).click();
		await expect(admin.getByRole('status')).toHaveText('Filas leídas: 3. Personas inscritas encontradas: 1. Direcciones sin inscripción en esta sesión: 1. Filas rechazadas: 1.');
		await admin.getByRole('link', { name: 'Inscripciones' }).first().click();

		const download = admin.waitForEvent('download');
		await admin.getByRole('link', { name: 'Exportar XLSX (Excel)' }).click();
		const file = await (await download).path();
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		const header = (sheet.getRow(1).values as string[]).slice(1);
		const emails = sheet.getColumn(header.indexOf('email') + 1).values.slice(2);
		expect([...emails].sort()).toEqual(['lucia@example.org', 'marta@example.org', 'pedro@example.org']);
		const statusOf = (email: string) => sheet.getRow(emails.indexOf(email) + 2).getCell(header.indexOf('status') + 1).value;
		expect(statusOf('lucia@example.org')).toBe('cancelled');
		const how = header.indexOf('question: ¿Cómo supiste del intercambio?');
		expect(how).toBeGreaterThan(0);
		expect(sheet.getRow(emails.indexOf('marta@example.org') + 2).getCell(how + 1).value).toBe('Por mi municipio');

		// A word to everyone registered for the session (Marta has not confirmed yet): one mail each, through the outbox, with its delivery shown.
		await admin.goto(url);
		await admin.getByRole('link', { name: 'Escribir a las personas inscritas' }).click();
		await admin.getByLabel('Sesión', { exact: true }).selectOption({ label: SESSION_TITLE });
		await admin.getByLabel('A quién').selectOption('active');
		await admin.locator('#b-subject-es').fill('Cambio de sala');
		await admin.locator('#b-body-es').fill('La sesión empieza diez minutos más tarde.');
		await admin.getByRole('button', { name: 'Enviar' }).click();
		await expect(admin.getByRole('status')).toHaveText('Mensaje en cola: abajo ves cómo avanza el envío.');
		await expect(admin.locator('#history article').first()).toContainText('Procesados 2 de 2');
		await expectNoAxeViolations(admin);
		await registrationLink(browser, 'marta@example.org', /Cambio de sala/);

		// A two-question survey; once the session is over, Pedro answers it from his page.
		await admin.getByRole('link', { name: '← Inscripciones' }).click();
		await admin.getByRole('link', { name: 'Encuesta' }).click();
		await admin.getByLabel('Tipo de pregunta').selectOption('scale');
		await admin.getByLabel('Pregunta (Español)').last().fill('¿Qué tan útil fue para tu ciudad?');
		await admin.getByRole('button', { name: 'Agregar pregunta' }).click();
		await admin.getByLabel('Tipo de pregunta').selectOption('text');
		await admin.getByLabel('Pregunta (Español)').last().fill('¿Qué vas a probar en tu ciudad?');
		await admin.getByRole('button', { name: 'Agregar pregunta' }).click();
		await expect(admin.getByRole('status')).toHaveText('Cambios guardados.');
		await admin.goto('/admin');
		await demoEditLink(admin).click();
		// The session moves to a day surely over, whatever the hour: the survey opens once it has ended.
		const ours = admin.locator('#sessions > fieldset').last();
		await ours.getByLabel('Fecha').fill(dayOver());
		await ours.getByLabel('Empieza').fill('10:00');
		await ours.getByLabel('Termina').fill('12:00');
		await ours.getByRole('button', { name: 'Guardar' }).click();
		await expect(admin.getByRole('status')).toHaveText('Cambios guardados.');

		const pedro = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		await pedro.goto(await registrationLink(browser, 'pedro@example.org', /Confirma tu inscripción/));
		const survey = pedro.locator('section', { has: pedro.getByRole('heading', { name: 'Tu opinión' }) });
		await survey.getByRole('group', { name: '¿Qué tan útil fue para tu ciudad?' }).getByLabel('4').check();
		await survey.getByLabel('¿Qué vas a probar en tu ciudad?').fill('Las asambleas barriales en línea');
		await survey.getByRole('button', { name: 'Enviar mis respuestas' }).click();
		await expect(pedro.getByRole('status')).toHaveText('¡Gracias por tus respuestas!');
		await expect(pedro.getByText('Gracias: ya recibimos tus respuestas.')).toBeVisible();
		await expectAxeCleanAt(browser, pedro.url());
		await pedro.context().close();

		await admin.goto(url.replace(/registrations.*$/, 'feedback'));
		await expect(admin.getByRole('heading', { name: 'Resultados · 1 respuesta recibida' })).toBeVisible();
		await expect(admin.locator('caption').first()).toContainText('promedio 4 sobre 5');
		await expectNoAxeViolations(admin);

		// The session goes again in afterAll, through its confirmation page.
		await admin.context().close();
		await context.close();
	});
});
