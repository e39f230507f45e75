import { expect, test, type Browser, type Page } from '@playwright/test';
import { ORGANISER_STATE } from './global-setup.ts';
import { expectNoAxeViolations } from './helpers.ts';

// The organisers' pages a city official reads: the dashboard's next steps, messages per language,
// the moderation preview and the audit log as sentences. Without JavaScript, signed in by global-setup.
async function organiser(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ storageState: ORGANISER_STATE, javaScriptEnabled: false });
	return context.newPage();
}

/**
 * axe runs inside the page, so it needs JavaScript: the same address is checked in a tab with
 * JavaScript on (the pages ship none: csr = false), at the given width.
 */
async function axeAt(browser: Browser, url: string, width = 1280) {
	const context = await browser.newContext({ storageState: ORGANISER_STATE, viewport: { width, height: 800 } });
	const page = await context.newPage();
	await page.goto(url);
	await expectNoAxeViolations(page);
	await context.close();
}

/** The demo exchange's card on the dashboard (the one seeded at start). */
async function demoCard(page: Page) {
	await page.goto('/admin');
	return page.locator('li.card').filter({ has: page.getByRole('heading', { level: 2, name: /Intercambio/ }) }).last();
}

test.describe('The organisers’ pages say what is going on', () => {
	test('the dashboard gives each exchange its state and next steps, pluralised', async ({ browser }) => {
		const page = await organiser(browser);
		const card = await demoCard(page);
		const steps = card.getByRole('list', { name: 'Estado y próximos pasos' });
		await expect(steps).toBeVisible();
		await expect(steps.locator('li[data-step="registration"]')).toHaveText(
			/^(La inscripción está abierta( hasta el .+)?\.|La inscripción abre en \d+ días? \(.+\)\.|La inscripción está cerrada\.|Todas las sesiones terminaron\.|Borrador: el público todavía no lo ve\. Publíquelo cuando esté listo\.)$/
		);
		for (const [kind, pattern] of [
			['pending', /^(1 inscripción espera|\d+ inscripciones esperan) confirmación\.$/],
			['failed', /^El correo falló para (1 persona|\d+ personas)\.$/],
			['next_session', /^La próxima sesión empieza el .+\.$/]
		] as const) {
			for (const item of await steps.locator(`li[data-step="${kind}"]`).all()) await expect(item).toHaveText(pattern);
		}
		const review = page.locator('li[data-step="review"]');
		if (await review.count()) await expect(review).toHaveText(/^(1 práctica espera|\d+ prácticas esperan) revisión\.$/);
		await expect(page.locator('main')).not.toContainText(/\b1 (inscripciones|prácticas|personas)\b/);
		await axeAt(browser, page.url());
		await axeAt(browser, page.url(), 360);
		await page.context().close();
	});

	test('a message is written per language, with the attended and did-not-attend audiences', async ({ browser }) => {
		const page = await organiser(browser);
		const card = await demoCard(page);
		const edit = await card.getByRole('link', { name: 'Editar' }).getAttribute('href');
		await page.goto(`${edit}/messages`);
		await expect(page.getByRole('group', { name: 'Español (obligatorio)' })).toBeVisible();
		await expect(page.getByRole('group', { name: 'Portugués (opcional)' })).toBeVisible();
		await expect(page.getByRole('group', { name: 'Inglés (opcional)' })).toBeVisible();
		const audience = page.getByLabel('A quién');
		await expect(audience.locator('option')).toContainText([
			'Quienes asistieron (inscripción confirmada y asistencia registrada)',
			'Quienes no asistieron a una sesión ya terminada (inscripción confirmada)'
		]);
		await axeAt(browser, page.url());

		const es = page.getByRole('group', { name: 'Español (obligatorio)' });
		const pt = page.getByRole('group', { name: 'Portugués (opcional)' });
		await es.getByLabel(/^Asunto/).fill('Gracias por participar');
		await es.getByLabel(/^Mensaje/).fill('Gracias por acompañarnos en la sesión de ayer.');
		// A language that is started needs both its subject and its text.
		await pt.getByLabel(/^Asunto/).fill('Obrigado por participar');
		await audience.selectOption({ label: 'Quienes asistieron (inscripción confirmada y asistencia registrada)' });
		await page.getByRole('button', { name: 'Enviar' }).click();
		await expect(page.locator('#b-body-pt-error')).toHaveText('Este campo es obligatorio.');
		await expect(page.getByRole('group', { name: 'Portugués (opcional)' }).getByLabel(/^Asunto/)).toHaveValue('Obrigado por participar');
		await axeAt(browser, page.url());
		await page.getByRole('group', { name: 'Portugués (opcional)' }).getByLabel(/^Mensaje/).fill('Obrigado por nos acompanhar na sessão de ontem.');
		await page.getByRole('button', { name: 'Enviar' }).click();
		// Whoever attended gets it (in their language); when nobody has, nothing is sent and the page says so.
		await expect(page.locator('.notice').first()).toHaveText(/^(Nadie cumple esas condiciones: no se envió nada\.|Mensaje en cola: abajo ves cómo avanza el envío\.)$/);
		await page.context().close();
	});

	test('the moderation page shows what will be published, and the state in the reader’s language', async ({ browser }) => {
		const page = await organiser(browser);
		await page.goto('/admin/practices?q=datos+abiertos');
		await page.getByRole('link', { name: /Portal de datos abiertos/ }).first().click();
		await expect(page.locator('.state')).toHaveText('Estado: Publicada');
		const preview = page.locator('article[aria-labelledby="preview-h"]');
		await expect(preview.locator('dt', { hasText: 'Palabras clave' }).locator('+ dd')).toHaveText('datos abiertos · transparencia · indicadores · plan estratégico');
		await expect(preview.locator('dt', { hasText: 'ODS' }).locator('+ dd')).toContainText('16. ');
		await expect(preview.getByRole('heading', { name: 'Fuentes' })).toBeVisible();
		await expect(preview.getByRole('listitem').filter({ hasText: 'Documentación pública del portal de datos de la ciudad' })).toBeVisible();
		await expect(preview.getByRole('heading', { name: 'Materiales' })).toBeVisible();
		await axeAt(browser, page.url());
		await page.context().close();
	});

	test('the audit log reads as sentences, filters by person, action and date in the URL, raw data one click away', async ({ browser }) => {
		const page = await organiser(browser);
		const card = await demoCard(page);
		const title = (await card.getByRole('heading', { level: 2 }).innerText()).trim();
		await page.goto('/admin/audit');
		await axeAt(browser, page.url());
		// No raw code or JSON in the sentences.
		for (const sentence of await page.locator('.sentence').all()) await expect(sentence).not.toHaveText(/\b(attendance|axis|certificate|event|mail|organiser|person|place|practice|registrants|registration|session|survey)\.[a-z_]+\b|\{"/);

		await page.getByLabel('Persona').fill('system');
		await page.getByLabel('Acción').selectOption({ label: 'Intercambios' });
		await page.getByRole('button', { name: 'Filtrar' }).click();
		await expect(page).toHaveURL(/[?&]person=system&action=event/);
		const seeded = page.locator('table.entries tbody tr').filter({ hasText: `La carga de contenido de demostración creó el intercambio “${title}”.` });
		await expect(seeded).toHaveCount(1);
		await expect(seeded.locator('pre')).toBeHidden();
		await seeded.getByText('Ver los datos').click();
		await expect(seeded.locator('pre')).toContainText('"action": "event.seeded"');
		await axeAt(browser, page.url());

		const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
		await page.getByLabel('Desde el día').fill(tomorrow);
		await page.getByRole('button', { name: 'Filtrar' }).click();
		await expect(page).toHaveURL(new RegExp(`from=${tomorrow}`));
		await expect(page.getByText('Ninguna entrada coincide con estos filtros.')).toBeVisible();
		await expect(page.getByRole('status')).toHaveText('0 entradas');
		await page.getByRole('link', { name: 'Quitar los filtros' }).click();
		await expect(page.getByLabel('Persona')).toHaveValue('');
		expect((await page.request.get('/admin/audit?from=2021-13-45')).status()).toBe(400);
		expect((await page.request.get('/admin/audit?action=nothing.here')).status()).toBe(400);
		await page.context().close();
	});
});
