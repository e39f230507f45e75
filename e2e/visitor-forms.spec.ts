import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { EVENT_PATH, EVENT_TIME_ZONE, expectNoAxeViolations, mailFromOutbox, organiserPage, removeSessionByTitle, demoEditLink } from './helpers.ts';

// Visitors and registrants on a phone (360 px), mostly without JavaScript: a past exchange, the
// time-zone picker, the registration form and the practice submission. The journey adds its own
// session ahead on the demo exchange, and removes it at the end.
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 360, height: 800 } });

const SESSION_TITLE = 'Sesión futura de formularios';

/** axe runs scripts in the page: check a page of a JavaScript-off journey in a normal tab. */
async function expectAxeCleanAt(browser: Browser, url: string, options: { locale?: string } = {}) {
	const context = await browser.newContext({ viewport: { width: 360, height: 800 }, ...options });
	const checker = await context.newPage();
	await checker.goto(url);
	await expectNoAxeViolations(checker);
	await context.close();
}

/** A date some weeks ahead on the exchange's wall clock: the session lies ahead whenever the test runs. */
function dayAhead(days = 40): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: EVENT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

async function editDemoExchange(page: Page) {
	await page.goto('/admin');
	await demoEditLink(page).click();
}

test.describe('Visitors and registrants', () => {
	test('a past exchange shows what was held, not an invitation', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(EVENT_PATH);
		await expect(page.getByRole('heading', { level: 2, name: 'El intercambio ya se realizó' })).toBeVisible();
		await expect(page.getByText('Todas sus sesiones terminaron: la inscripción está cerrada.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Inscribirme' })).toHaveCount(0);
		await expect(page.getByText('Convocatoria abierta')).toHaveCount(0);
		await expect(page.getByText('Asistencia abierta')).toHaveCount(0);
		await expect(page.getByText(/^Por definir/)).toHaveCount(0);
		await expect(page.getByRole('heading', { level: 2, name: 'Prácticas presentadas' })).toBeVisible();
		await expect(page.getByText('Realizada').first()).toBeVisible();
		await expectAxeCleanAt(browser, page.url());
		await context.close();
	});

	test('without JavaScript, the time-zone picker lists every zone by country, with the sessions\' offsets and a default from the language', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, locale: 'pt-BR', viewport: { width: 360, height: 800 } });
		const page = await context.newPage();
		await page.goto(`/pt${EVENT_PATH}`);
		await page.getByRole('link', { name: 'Escolha seu fuso horário para ver também o seu horário local.' }).first().click();
		await expect(page).toHaveURL(/\/pt\/time-zone\?return=.*&at=2021-07-15$/);
		const select = page.getByLabel('Seu fuso horário');
		// The default comes from Accept-Language (pt-BR), not Montevideo for everyone.
		await expect(select).toHaveValue('America/Sao_Paulo');
		await expect(select.locator('option:checked')).toHaveText('São Paulo (UTC-03:00)');
		// Offsets of July 2021, when the sessions were: Lisbon was on summer time.
		await expect(select.locator('option[value="Europe/Lisbon"]')).toHaveText('Lisboa (UTC+01:00)');
		await expect(select.locator('optgroup[label="Brasil"] option[value="America/Manaus"]')).toHaveText('Manaus (UTC-04:00)');
		await expect(select.locator('optgroup[label="Portugal"] option')).toHaveCount(3);
		expect(await select.locator('option').count()).toBeGreaterThan(400);
		await expect(page.getByText('A diferença para UTC é a de 15 de julho de 2021, a data das sessões.')).toBeVisible();
		await expectAxeCleanAt(browser, page.url(), { locale: 'pt-BR' });
		await select.selectOption('America/Manaus');
		await page.getByRole('button', { name: 'Mostrar' }).click();
		await expect(page).toHaveURL(new RegExp(`/pt${EVENT_PATH}$`));
		await expect(page.getByRole('link', { name: 'Mostrando seu horário em: Manaus (GMT-4)' }).first()).toBeVisible();
		await context.close();

		// es-AR: Buenos Aires, under the zone name the network uses.
		const argentina = await browser.newContext({ javaScriptEnabled: false, locale: 'es-AR' });
		const ar = await argentina.newPage();
		await ar.goto('/time-zone');
		await expect(ar.getByLabel('Tu zona horaria')).toHaveValue('America/Argentina/Buenos_Aires');
		await argentina.close();
	});

	test('the organiser adds a session ahead: the exchange invites people to register again', async ({ browser }) => {
		const admin = await organiserPage(browser);
		await editDemoExchange(admin);
		const add = admin.locator('form', { has: admin.getByRole('group', { name: 'Nueva sesión' }) });
		await add.getByLabel('Título').fill(SESSION_TITLE);
		await add.getByLabel('Fecha').fill(dayAhead());
		await add.getByLabel('Empieza').fill('10:00');
		await add.getByLabel('Termina').fill('12:00');
		await add.getByRole('button', { name: 'Añadir sesión' }).click();
		await expect(admin.getByRole('status')).toHaveText('Cambios guardados.');
		await admin.context().close();

		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(EVENT_PATH);
		await expect(page.getByRole('heading', { level: 2, name: 'El intercambio ya se realizó' })).toHaveCount(0);
		await expect(page.getByRole('link', { name: 'Inscribirme' })).toBeVisible();
		await context.close();
	});

	test('without JavaScript, the registration form marks what is required and a failed submission lands on an error summary', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${EVENT_PATH}/register`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscripción');
		await expect(page.getByText('Los campos marcados como «obligatorio» deben completarse; los demás son opcionales.')).toBeVisible();
		await expect(page.getByLabel('Nombre y apellido (obligatorio)')).toHaveAttribute('required', '');
		await expect(page.getByLabel('Nombre y apellido (obligatorio)')).toHaveAttribute('aria-required', 'true');
		await expect(page.getByLabel('Tipo de institución (obligatorio)')).toHaveAttribute('required', '');
		await expect(page.getByLabel('Institución', { exact: true })).not.toHaveAttribute('required', '');
		await expect(page.getByRole('group', { name: 'Sesiones a las que asistirás (obligatorio)' })).toBeVisible();
		// Offsets in the zone field are those of the session's date.
		await expect(page.getByLabel('Tu zona horaria').locator('option:checked')).toHaveText('Montevideo (UTC-03:00)');
		for (const box of await page.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
		await expectAxeCleanAt(browser, page.url());

		await page.getByLabel('Nombre y apellido (obligatorio)').fill('Ana');
		await page.getByRole('button', { name: 'Inscribirme' }).click();
		const summary = page.locator('#error-summary');
		await expect(summary).toBeFocused();
		await expect(summary.getByRole('heading', { level: 2 })).toHaveText('Hay un problema');
		const links = summary.getByRole('link');
		await expect(links.first()).toHaveText('Sesiones a las que asistirás: Elige al menos una sesión.');
		await expect(links.last()).toHaveText('Leí el texto sobre mis datos y acepto que se usen así.: Para inscribirte tienes que aceptar el tratamiento de tus datos.');
		await expect(summary.getByRole('link', { name: /^Tipo de institución: Este campo es obligatorio\.$/ })).toHaveAttribute('href', '#r-type');
		// Every link points at a field of the form; what was typed is still there.
		for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) await expect(page.locator(href)).toHaveCount(1);
		await expect(page.getByLabel('Nombre y apellido (obligatorio)')).toHaveValue('Ana');
		// The summary comes before the form, in view at the top of a phone's screen.
		await expect(summary).toBeInViewport();
		await expectAxeCleanAt(browser, page.url());
		await context.close();
	});

	test('with JavaScript, focus goes to the summary and its links focus the field', async ({ browser }) => {
		const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
		const page = await context.newPage();
		await page.goto(`${EVENT_PATH}/register`);
		await page.getByRole('button', { name: 'Inscribirme' }).click();
		const summary = page.locator('#error-summary');
		await expect(summary).toBeFocused();
		await summary.getByRole('link', { name: /^Correo electrónico:/ }).click();
		await expect(page.locator('#r-email')).toBeFocused();
		await expectNoAxeViolations(page);
		await context.close();
	});

	test('after cancelling, the sessions say "cancelled"; deleting without the box keeps the person at the box', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${EVENT_PATH}/register`);
		await page.getByRole('checkbox', { name: SESSION_TITLE }).check();
		await page.getByLabel('Nombre y apellido (obligatorio)').fill('Beatriz Formularios');
		await page.getByLabel('Correo electrónico (obligatorio)').fill('beatriz.formularios@example.org');
		await page.getByLabel('País (obligatorio)').selectOption('UY');
		await page.getByLabel('Tipo de institución (obligatorio)').selectOption('local_government');
		// A question another journey may have added to this exchange.
		const how = page.getByLabel(/¿Cómo supiste del intercambio\?/);
		if (await how.count()) await how.selectOption({ index: 1 });
		await page.getByRole('checkbox', { name: /acepto/ }).check();
		await page.getByRole('button', { name: 'Inscribirme' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisa tu correo');

		const body = await mailFromOutbox(browser, 'beatriz.formularios@example.org', /Confirma tu inscripción/);
		const link = /(http:\/\/\S+\/registration\/[A-Za-z0-9_-]{32})/.exec(body)![1];
		await page.goto(link);
		await page.getByRole('button', { name: 'Cancelar mi inscripción' }).click();
		await expect(page.getByRole('status')).toHaveText('Inscripción cancelada.');
		const session = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: SESSION_TITLE }) });
		await expect(session.getByText('Cancelada: cancelaste tu inscripción.')).toBeVisible();
		await expect(page.getByText('No elegiste esta sesión.')).toHaveCount(0);
		await expectAxeCleanAt(browser, page.url());

		await page.getByRole('button', { name: 'Borrar mis datos' }).click();
		await expect(page).toHaveURL(/#delete-data$/);
		await expect(page.locator('#delete-sure-error')).toHaveText('Este campo es obligatorio.');
		// The page opens at the form (its fragment), not at the top with the error out of sight.
		await expect(page.locator('#delete-sure')).toBeInViewport();
		await expect(page.getByRole('heading', { level: 1 })).not.toBeInViewport();
		await expect(page.locator('#delete-sure-error')).toBeInViewport();
		await expectAxeCleanAt(browser, page.url());
		await context.close();
	});

	test('the organiser removes the added session again', async ({ browser }) => {
		await removeSessionByTitle(browser, SESSION_TITLE);
	});


	test('without JavaScript, a city shares a practice: the city search, files, photos and the preview', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
		const page = await context.newPage();
		await page.goto('/practices/submit');
		await page.getByLabel('Título de la práctica').fill('Presupuesto joven de Salto, con fotos');
		await page.getByLabel('Ciudad', { exact: true }).fill('Salto');
		await page.getByLabel('País (opcional, para acotar)').selectOption('UY');
		await page.getByRole('button', { name: 'Buscar ciudad' }).click();
		// Only the city answers: the fields below are not judged yet, and what was typed stays.
		await expect(page.locator('#s-city-error')).toHaveText('Elige la ciudad en la lista.');
		await expect(page.getByText('Este campo es obligatorio.')).toHaveCount(0);
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expect(page.getByLabel('Título de la práctica')).toHaveValue('Presupuesto joven de Salto, con fotos');
		await expect(page.getByLabel('Ciudad', { exact: true })).toHaveValue('Salto');
		// Each radio button sits with its city's name, inside its label.
		const radio = page.getByRole('radio', { name: /^Salto \(Uruguay/ });
		const label = page.locator('label', { has: radio });
		const [radioBox, labelBox] = [await radio.boundingBox(), await label.boundingBox()];
		expect(radioBox!.width).toBeLessThan(32);
		expect(radioBox!.x - labelBox!.x).toBeLessThan(4);
		expect(labelBox!.height).toBeLessThan(80);
		await expect(radio).toBeFocused();
		await expectAxeCleanAt(browser, page.url());
		await radio.check();
		await page.getByLabel('Resumen (2 o 3 frases)').fill('Jóvenes de cada barrio proponen y votan proyectos con una parte del presupuesto municipal.');
		await page.getByLabel('Tu nombre').fill('Julia');
		await page.getByLabel('Tu correo electrónico').fill('julia.fotos@salto.example');
		await page.getByRole('button', { name: 'Guardar y seguir' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisa tu correo');

		const body = await mailFromOutbox(browser, 'julia.fotos@salto.example', /Tu práctica en Intercambio/);
		const link = /(http:\/\/\S+\/practices\/submit\/[A-Za-z0-9_-]+)/.exec(body)![1];
		await page.goto(link);
		await page.getByRole('checkbox', { name: 'Participación ciudadana' }).check();
		await page.getByLabel('Año de inicio').fill('2019');
		await page.getByRole('checkbox', { name: /^11\. / }).check();
		await page.getByLabel('Palabras clave, separadas por comas').fill('juventud, presupuesto');
		await page.getByRole('button', { name: 'Guardar este paso' }).click();
		await expect(page.getByRole('status')).toHaveText('Guardado.');

		// Sources typed first, then a file uploaded: the text is kept (and saved).
		await page.goto(`${link}?step=sources`);
		await page.getByLabel(/^Fuentes/).fill('Actas del consejo de jóvenes');
		const pdf = Buffer.from(`%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\n%${'x'.repeat(23_000 - 80)}\ntrailer<< /Root 1 0 R >>\n%%EOF\n`);
		expect(pdf.byteLength).toBeGreaterThan(22_500);
		await page.getByLabel('Agregar un archivo').setInputFiles({ name: 'actas.pdf', mimeType: 'application/pdf', buffer: pdf });
		await page.getByRole('button', { name: 'Subir archivo' }).click();
		await expect(page.getByRole('status')).toHaveText('Guardado.');
		await expect(page.getByLabel(/^Fuentes/)).toHaveValue('Actas del consejo de jóvenes');
		await expect(page.getByRole('listitem').filter({ hasText: 'actas.pdf' })).toContainText('actas.pdf (23 kB)');

		// A photo needs its alt text; it is kept resized.
		const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 30, g: 120, b: 60 } } }).png().toBuffer();
		await page.getByLabel('Agregar un archivo').setInputFiles({ name: 'asamblea.png', mimeType: 'image/png', buffer: photo });
		await page.getByRole('button', { name: 'Subir archivo' }).click();
		await expect(page.locator('#d-alt-error')).toHaveText('Este campo es obligatorio.');
		await expect(page.getByLabel(/^Fuentes/)).toHaveValue('Actas del consejo de jóvenes');
		await page.getByLabel('Qué muestra la foto (obligatorio para fotos)').fill('Jóvenes votan los proyectos en la plaza');
		await page.getByLabel('Agregar un archivo').setInputFiles({ name: 'asamblea.png', mimeType: 'image/png', buffer: photo });
		await page.getByRole('button', { name: 'Subir archivo' }).click();
		await expect(page.getByRole('status')).toHaveText('Guardado.');
		await expect(page.getByRole('listitem').filter({ hasText: 'asamblea.png' })).toContainText('descripción: Jóvenes votan los proyectos en la plaza');
		await expectAxeCleanAt(browser, page.url());

		await page.goto(`${link}?step=review`);
		const preview = page.locator('section.preview');
		await expect(preview.getByRole('heading', { level: 2 })).toHaveText('Así se verá');
		await expect(preview).toContainText('Actas del consejo de jóvenes');
		await expect(preview).toContainText('juventud, presupuesto');
		await expect(preview).toContainText(/11\. /);
		await expect(preview).toContainText('actas.pdf (23 kB)');
		await expect(preview).toContainText('asamblea.png');
		await expectAxeCleanAt(browser, page.url());
		await context.close();
	});
});
