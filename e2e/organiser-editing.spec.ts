import { expect, test, type Browser, type Page } from '@playwright/test';
import { ORGANISER_STATE } from './global-setup.ts';
import { DEMO_EXCHANGE_TITLE, ORGANISER_EMAIL, expectNoAxeViolations, grantRole, demoEditLink } from './helpers.ts';

// Issue 11, the organisers' editing: removals are confirmed on their own page (without JavaScript)
// saying what they affect; the event editor never drops what was typed in another part; the agenda
// and the call for presenters are not offered until they exist; counts follow each language's plural
// rules; the registrations table says it scrolls on a phone. Each journey sets up what it needs.
test.describe.configure({ mode: 'serial' });

/** The organiser's tab, with or without JavaScript (the organisers' pages are server-rendered). */
async function organiser(browser: Browser, javaScriptEnabled = false): Promise<Page> {
	const context = await browser.newContext({ storageState: ORGANISER_STATE, javaScriptEnabled });
	return context.newPage();
}

/** axe needs JavaScript: the same page, as the same organiser, at the same width, with it on. */
async function expectAxeClean(browser: Browser, page: Page) {
	const context = await browser.newContext({ storageState: ORGANISER_STATE, viewport: page.viewportSize() });
	const checker = await context.newPage();
	await checker.goto(page.url());
	await expectNoAxeViolations(checker);
	await context.close();
}

async function openEditor(page: Page): Promise<string> {
	await page.goto('/admin');
	await demoEditLink(page).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Editar');
	return page.url().replace(/[?#].*$/, '');
}

test.describe('An organiser edits without losing anything', () => {
	test('saving the settings keeps what was typed in the texts and an axis; no agenda or call states are offered', async ({ browser }) => {
		const page = await organiser(browser);
		const editor = await openEditor(page);
		await expectAxeClean(browser, page);

		// Neither the published agenda nor the call for presenters is offered until they exist.
		await expect(page.locator('select[name="agendaState"]')).toHaveCount(0);
		await expect(page.locator('input[name="openToPresenters"]')).toHaveCount(0);
		await expect(page.getByText('Publicada', { exact: true })).toHaveCount(0);

		const unit = page.locator('#t-title');
		const moderator = page.locator('#axes fieldset').first().getByLabel('Quién moderó');
		const unitBefore = await unit.inputValue();
		const moderatorBefore = await moderator.inputValue();
		await unit.fill(`${unitBefore} (prueba)`);
		await moderator.fill('Moderación de prueba E2E');
		// The person saves another part: what they typed above is kept, not silently dropped.
		await page.locator('#settings').getByRole('button', { name: 'Guardar' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		await page.goto(`${editor}?edit=es`);
		await expect(page.locator('#t-title')).toHaveValue(`${unitBefore} (prueba)`);
		await expect(page.locator('#axes fieldset').first().getByLabel('Quién moderó')).toHaveValue('Moderación de prueba E2E');

		// Put things back as they were, from the axes' button this time.
		await page.locator('#t-title').fill(unitBefore);
		await page.locator('#axes fieldset').first().getByLabel('Quién moderó').fill(moderatorBefore);
		await page.locator('#axes fieldset').first().getByRole('button', { name: 'Guardar' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		await expect(page.locator('#t-title')).toHaveValue(unitBefore);

		// A published agenda or an open call posted anyway is refused (422) and nothing is saved.
		const origin = new URL(page.url()).origin;
		for (const extra of [{ agendaState: 'published' }, { openToPresenters: 'on' }] as Record<string, string>[]) {
			const post = await page.request.post(`${editor}?/save&edit=pt`, {
				form: { locale: 'pt', timeZone: 'America/Montevideo', status: 'published', openToAttendees: 'on', ...extra },
				headers: { origin, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(post.status()).toBe(422);
		}
		await page.context().close();
	});

	test('with JavaScript, leaving with unsaved changes asks first; saving does not', async ({ browser }) => {
		const page = await organiser(browser, true);
		await openEditor(page);
		const unit = page.locator('#t-title');
		const before = await unit.inputValue();
		await unit.click();
		await unit.fill(`${before} (sin guardar)`);
		const dialogs: string[] = [];
		page.on('dialog', async (dialog) => {
			dialogs.push(dialog.type());
			await dialog.dismiss();
		});
		// Leaving: the browser asks, and staying keeps the typed text.
		await page.getByRole('link', { name: 'Ver la página pública' }).click();
		await expect.poll(() => dialogs).toEqual(['beforeunload']);
		await expect(page.locator('#t-title')).toHaveValue(`${before} (sin guardar)`);
		// Saving is not leaving: no question.
		await unit.fill(before);
		await page.locator('#texts').getByRole('button', { name: 'Guardar' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		expect(dialogs).toEqual(['beforeunload']);
		// Nothing typed: leaving asks nothing.
		await page.getByRole('link', { name: 'Ver la página pública' }).click();
		await expect(page).toHaveURL(/\/events\//);
		expect(dialogs).toEqual(['beforeunload']);
		await page.context().close();
	});
});

test.describe('Removals ask first and say what they affect', () => {
	test('an axis: the confirmation page counts its practices; cancel keeps it, confirm removes it', async ({ browser }) => {
		const page = await organiser(browser);
		const editor = await openEditor(page);
		// An axis of the exchange with practices: the page says how many, and visiting it removes nothing.
		await page.locator('#axes fieldset').first().getByRole('link', { name: 'Quitar este eje' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('¿Quitar el eje');
		const count = page.getByText(/de este intercambio (está clasificada|están clasificadas) en este eje/);
		const text = await count.innerText();
		const n = Number(/^(\d+) /.exec(text)?.[1]);
		expect(text.startsWith(n === 1 ? '1 práctica publicada de este intercambio está' : `${n} prácticas publicadas de este intercambio están`)).toBe(true);
		await expect(page.getByRole('button', { name: 'Sí, quitar el eje' })).toBeVisible();
		await expectAxeClean(browser, page);
		await page.getByRole('link', { name: 'Cancelar y volver' }).click();
		await expect(page).toHaveURL(new RegExp(`${editor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\?edit=es#axes$`));
		const axes = await page.locator('#axes > fieldset').count();

		// A new axis, then removed through its confirmation page.
		await page.getByLabel('Nombre').last().fill('Eje de prueba E2E');
		await page.getByRole('button', { name: 'Añadir eje' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		await expect(page.locator('#axes > fieldset')).toHaveCount(axes + 1);
		const added = page.locator('#axes > fieldset').nth(axes - 1);
		await expect(added.getByLabel('Nombre')).toHaveValue('Eje de prueba E2E');
		await added.getByRole('link', { name: 'Quitar este eje' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Quitar el eje «Eje de prueba E2E»?');
		await expect(page.getByText('0 prácticas publicadas de este intercambio están clasificadas en este eje')).toBeVisible();
		// A post that is not the confirmation's (no confirm field) removes nothing.
		const forged = await page.request.post(`${page.url().replace(/[?#].*$/, '')}?/remove`, {
			form: {},
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(forged.status()).toBe(422);
		await page.getByRole('button', { name: 'Sí, quitar el eje' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		await expect(page.locator('#axes > fieldset')).toHaveCount(axes);
		await expect(page.locator('#axes')).not.toContainText('Eje de prueba E2E');
		await page.context().close();
	});

	test("a person's role: the page says what they lose; the last administrator cannot be removed", async ({ browser }) => {
		const email = 'revisora.confirmar@ciudad.example';
		await grantRole(browser, { email, name: 'Ana Revisora', role: 'reviewer' });
		const page = await organiser(browser);
		await page.goto('/admin/people');
		const remove = page.getByRole('link', { name: `Quitar a ${email} el rol de evaluación en el intercambio «${DEMO_EXCHANGE_TITLE}»` });
		await remove.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`¿Quitar a Ana Revisora el rol de evaluación en el intercambio «${DEMO_EXCHANGE_TITLE}»?`);
		await expect(page.getByText('Ana Revisora ya no podrá revisar las prácticas enviadas')).toBeVisible();
		await expectAxeClean(browser, page);
		await page.getByRole('link', { name: 'Cancelar y volver' }).click();
		await expect(page).toHaveURL('/admin/people');
		await expect(remove).toBeVisible();
		await remove.click();
		await page.getByRole('button', { name: 'Sí, quitar el rol' }).click();
		await expect(page.getByRole('status')).toHaveText('Rol quitado.');
		await expect(remove).toHaveCount(0);

		// The only administrator: the list says so and offers no removal (the auth domain refuses one too).
		const row = page.getByRole('row', { name: new RegExp(ORGANISER_EMAIL.replaceAll('.', '\\.')) });
		await expect(row).toContainText('administración · toda la instalación');
		await expect(row).toContainText('Es la única persona que administra la instalación: este rol no se puede quitar.');
		await expect(row.getByRole('link')).toHaveCount(0);
		await page.context().close();
	});

	test('a registration question and a survey question: how many answered, then removed only on confirm', async ({ browser }) => {
		const page = await organiser(browser);
		await openEditor(page);
		await page.getByRole('link', { name: 'Inscripciones' }).first().click();
		const registrations = page.url().replace(/[?#].*$/, '');

		await page.getByLabel('Tipo de pregunta').selectOption('text');
		await page.getByLabel('Pregunta', { exact: true }).fill('Pregunta de prueba para quitar');
		await page.getByRole('button', { name: 'Agregar pregunta' }).click();
		await expect(page.getByRole('status').first()).toHaveText('Cambios guardados.');
		const item = page.locator('#questions li', { hasText: 'Pregunta de prueba para quitar' });
		await item.getByRole('link', { name: /^Quitar/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Quitar la pregunta «Pregunta de prueba para quitar»?');
		await expect(page.getByText('0 personas respondieron esta pregunta; sus respuestas dejarán de mostrarse y de exportarse.')).toBeVisible();
		await expectAxeClean(browser, page);
		await page.getByRole('link', { name: 'Cancelar y volver' }).click();
		await expect(item).toBeVisible();
		await item.getByRole('link', { name: /^Quitar/ }).click();
		await page.getByRole('button', { name: 'Sí, quitar la pregunta' }).click();
		await expect(page.getByRole('status').first()).toHaveText('Cambios guardados.');
		await expect(page.locator('#questions')).not.toContainText('Pregunta de prueba para quitar');

		await page.goto(registrations.replace(/registrations$/, 'feedback'));
		await page.getByLabel('Tipo de pregunta').selectOption('scale');
		await page.getByLabel('Pregunta (Español)').last().fill('Pregunta de encuesta para quitar');
		await page.getByRole('button', { name: 'Agregar pregunta' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		const survey = page.locator('#questions li', { has: page.locator('input[value="Pregunta de encuesta para quitar"]') });
		await survey.getByRole('link', { name: /^Quitar/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Quitar la pregunta «Pregunta de encuesta para quitar»?');
		await expect(page.getByText('0 personas respondieron esta pregunta; sus respuestas dejarán de contarse en los resultados.')).toBeVisible();
		await expectAxeClean(browser, page);
		await page.getByRole('button', { name: 'Sí, quitar la pregunta' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		await expect(page.locator('#questions input[value="Pregunta de encuesta para quitar"]')).toHaveCount(0);
		// The results heading counts in the reader's language.
		const heading = await page.locator('#results-h').innerText();
		const n = Number(/(\d+)/.exec(heading)?.[1]);
		expect(heading).toBe(n === 1 ? 'Resultados · 1 respuesta recibida' : `Resultados · ${n} respuestas recibidas`);
		await page.context().close();
	});
});

test.describe('The registrations table on a phone', () => {
	test('at 390 px: "Sessions" column, pluralised count, a labelled scrolling region with a hint', async ({ browser }) => {
		const page = await organiser(browser);
		await page.setViewportSize({ width: 390, height: 800 });
		await openEditor(page);
		await page.getByRole('link', { name: 'Inscripciones' }).first().click();
		const region = page.getByRole('region', { name: 'Lista de inscripciones' });
		await expect(region).toBeVisible();
		await expect(region.getByRole('columnheader', { name: 'Sesiones', exact: true })).toBeVisible();
		await expect(page.getByRole('columnheader', { name: 'Tus sesiones' })).toHaveCount(0);
		// The table is wider than the phone: it scrolls inside its region, which says so and takes focus.
		expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
		await expect(page.getByText('Deslice la tabla hacia el costado para ver más columnas.')).toBeVisible();
		await expect(region).toHaveAttribute('tabindex', '0');
		await region.focus();
		await expect(region).toBeFocused();
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		// "1 inscripción", "2 inscripciones": the count follows the plural rules.
		const shown = page.getByText(/con estos filtros\.$/);
		const text = await shown.innerText();
		const n = Number(/^(\d+)/.exec(text)?.[1]);
		expect(text).toBe(n === 1 ? '1 inscripción con estos filtros.' : `${n} inscripciones con estos filtros.`);
		await page.goto(`${page.url().replace(/[?#].*$/, '')}?q=ninguna-persona-se-llama-asi`);
		await expect(page.getByText('0 inscripciones con estos filtros.')).toBeVisible();
		await expectAxeClean(browser, page);
		await page.context().close();
	});
});
