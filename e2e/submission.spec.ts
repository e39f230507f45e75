import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, organiserPage } from './helpers.ts';

const PDF = '%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n';

// Signed in by global-setup: this journey needs no other to have run first.
const organiser = organiserPage;

/** The newest mail to someone, read by an organiser in the outbox; returns the first link in it. */
async function linkFromOutbox(page: Page, recipient: string, subject: RegExp): Promise<string> {
	await page.goto('/admin/outbox');
	await page.getByRole('row', { name: new RegExp(recipient) }).filter({ hasText: subject }).first().getByRole('link').click();
	const body = await page.locator('pre').innerText();
	const link = /(http:\/\/\S+\/practices\/submit\/[A-Za-z0-9_-]+)/.exec(body)?.[1];
	expect(link).toBeTruthy();
	return link!;
}

test.describe('A city shares a practice and a moderator publishes it', () => {
	test('without JavaScript: draft by mail, steps, review, changes asked, published and found', async ({ browser }) => {
		const cityContext = await browser.newContext({ javaScriptEnabled: false });
		const city = await cityContext.newPage();
		await city.goto('/practices');
		await city.getByRole('link', { name: 'Compartir una práctica de tu ciudad' }).click();
		await expect(city.getByRole('heading', { level: 1 })).toHaveText('Compartir una práctica');
		await city.getByLabel('Título de la práctica').fill('Mesas barriales de seguimiento del plan en Salto');
		await city.getByLabel('Resumen (2 o 3 frases)').fill('Cada barrio elige delegados que siguen con la intendencia el avance de las obras del plan.');
		await city.getByLabel('Ciudad', { exact: true }).fill('Salto');
		await city.getByLabel('País (opcional, para acotar)').selectOption('UY');
		await city.getByLabel('Tu nombre').fill('Marta');
		await city.getByLabel('Tu correo electrónico').fill('marta@salto.example');
		await city.getByRole('button', { name: 'Buscar ciudad' }).click();
		// What was typed is kept; the city is chosen from the gazetteer.
		await expect(city.locator('#s-city-error')).toHaveText('Elige la ciudad en la lista.');
		await expect(city.getByLabel('Título de la práctica')).toHaveValue('Mesas barriales de seguimiento del plan en Salto');
		await city.getByRole('radio', { name: /^Salto \(Uruguay/ }).check();
		await city.getByRole('button', { name: 'Guardar y seguir' }).click();
		await expect(city.getByRole('heading', { level: 1 })).toHaveText('Revisa tu correo');

		const moderator = await organiser(browser);
		const link = await linkFromOutbox(moderator, 'marta@salto.example', /Tu práctica en Intercambio/);

		const draftPage = await city.goto(link);
		// The private address never leaks to another site, nor into a search engine.
		expect(draftPage?.headers()['referrer-policy']).toBe('same-origin');
		expect(draftPage?.headers()['x-robots-tag']).toBe('noindex');
		await expect(city.getByRole('heading', { level: 1 })).toHaveText('Tu práctica: «Mesas barriales de seguimiento del plan en Salto»');
		await city.getByRole('checkbox', { name: 'Participación ciudadana' }).check();
		await city.getByLabel('Año de inicio').fill('2030');
		await city.getByRole('button', { name: 'Guardar este paso' }).click();
		await expect(city.locator('#d-start-error')).toHaveText('Escribe un año válido (por ejemplo, 2019).');
		await city.getByLabel('Año de inicio').fill('2018');
		await city.getByLabel('Sigue en curso').check();
		await city.getByRole('button', { name: 'Guardar este paso' }).click();
		await expect(city.getByRole('status')).toHaveText('Guardado.');

		// Step 3: the story.
		await city.getByLabel(/^Cuál era el problema/).fill('Los vecinos no sabían en qué estado estaban las obras del plan.');
		await city.getByLabel(/^Qué hicieron y cómo/).fill('Mesas mensuales por barrio con delegados elegidos en asamblea.');
		await city.getByLabel(/^Qué cambió/).fill('Las obras se discuten antes de empezar y se corrigen a tiempo.');
		await city.getByRole('button', { name: 'Guardar este paso' }).click();
		await expect(city.getByRole('status')).toHaveText('Guardado.');
		// Step 4: the presentation, as a PDF; a file that only pretends to be one is refused.
		await city.getByLabel('Agregar un archivo').setInputFiles({ name: 'falso.pdf', mimeType: 'application/pdf', buffer: Buffer.from('esto no es un PDF') });
		await city.getByRole('button', { name: 'Subir archivo' }).click();
		await expect(city.locator('#d-file-error')).toHaveText('Solo se aceptan PDF y presentaciones o documentos de Office/LibreOffice.');
		await city.getByLabel('Agregar un archivo').setInputFiles({ name: 'mesas-salto.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
		await city.getByRole('button', { name: 'Subir archivo' }).click();
		await expect(city.getByRole('button', { name: 'Quitar «mesas-salto.pdf»' })).toBeVisible();
		await city.getByLabel(/^Fuentes/).fill('Actas de las mesas barriales');
		await city.getByRole('button', { name: 'Guardar este paso' }).click();
		await expect(city.getByRole('heading', { level: 2, name: 'Así se verá' })).toBeVisible();
		await city.getByRole('button', { name: 'Enviar a revisión' }).click();
		await expect(city.getByRole('alert')).toContainText('Antes de enviarla, completa: Lecciones aprendidas.');
		await city.getByRole('link', { name: '3. La experiencia' }).click();
		await city.getByLabel(/^Lecciones aprendidas/).fill('Sin devolución a los vecinos las mesas se vacían.');
		await city.getByRole('button', { name: 'Guardar este paso' }).click();
		await city.getByRole('link', { name: '5. Revisar y enviar' }).click();
		await city.getByRole('button', { name: 'Enviar a revisión' }).click();
		await expect(city.getByRole('status')).toContainText('La práctica está en revisión.');

		// The organisers are told by mail that a practice waits for them.
		await moderator.goto('/admin/outbox');
		await expect(moderator.getByRole('row', { name: /organiser@intercambio\.localhost/ }).filter({ hasText: 'Práctica para revisar: «Mesas barriales' }).first()).toBeVisible();
		// The moderator asks for one more thing; the city gets a new link.
		await moderator.goto('/admin/practices');
		await moderator.getByRole('link', { name: 'Mesas barriales de seguimiento del plan en Salto' }).click();
		await expectNoAxeViolations(moderator);
		await moderator.getByLabel('Qué debe cambiar (se envía por correo)').fill('Contanos con qué recursos contaron.');
		await moderator.getByRole('button', { name: 'Pedir cambios a la ciudad' }).click();
		await expect(moderator.getByRole('status')).toHaveText('Pedido de cambios enviado.');
		const second = await linkFromOutbox(moderator, 'marta@salto.example', /te pedimos cambios/);
		expect(second).not.toBe(link);
		expect((await city.goto(link))?.status()).toBe(404);
		await city.goto(second);
		await expect(city.getByText('Contanos con qué recursos contaron.')).toBeVisible();
		await city.getByRole('link', { name: '3. La experiencia' }).click();
		await city.getByLabel(/^Recursos y presupuesto/).fill('Un técnico municipal por zona y el local de cada comisión vecinal.');
		await city.getByRole('button', { name: 'Guardar este paso' }).click();
		await city.getByRole('link', { name: '5. Revisar y enviar' }).click();
		await city.getByRole('button', { name: 'Enviar a revisión' }).click();
		await expect(city.getByRole('status')).toContainText('La práctica está en revisión.');

		await moderator.goto('/admin/practices');
		await moderator.getByRole('link', { name: 'Mesas barriales de seguimiento del plan en Salto' }).click();
		// A file the city sent waits for review: publishing is refused until each file is approved or removed.
		await moderator.getByRole('button', { name: 'Publicar' }).click();
		await expect(moderator.getByText(/Hay archivos sin revisar/)).toBeVisible();
		await moderator.getByRole('button', { name: 'Aprobar «mesas-salto.pdf»' }).click();
		await moderator.getByRole('button', { name: 'Publicar' }).click();
		await expect(moderator.getByRole('heading', { level: 1 })).toHaveText('Mesas barriales de seguimiento del plan en Salto');

		// Anyone finds it now, with the city's context.
		await city.goto('/practices?q=mesas+barriales');
		await city.getByRole('link', { name: 'Mesas barriales de seguimiento del plan en Salto' }).click();
		await expect(city.locator('section[aria-labelledby="facts-h"]')).toContainText('Salto');
		await expect(city.getByRole('heading', { level: 2, name: 'Recursos y presupuesto' })).toBeVisible();
		await expect(city.getByRole('note')).toHaveCount(0); // not demo content
		const pdf = await city.request.get(await city.getByRole('link', { name: 'mesas-salto.pdf' }).getAttribute('href') as string);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		// Served as a download: a script inside a PDF never runs in the browser's viewer.
		expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename="mesas-salto\.pdf"/);
		expect((await pdf.body()).toString()).toBe(PDF);
		await moderator.goto('/admin/audit');
		await expect(moderator.locator('tbody tr').first()).toContainText('practice.published');
		await cityContext.close();
		await moderator.context().close();
	});

	test('with JavaScript: the browser proves it is not a robot and goes straight to the draft', async ({ browser }) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto('/pt/practices/submit');
		await expectNoAxeViolations(page);
		await page.getByLabel('Título da prática').fill('Hortas comunitárias em escolas municipais');
		await page.getByLabel('Resumo (2 ou 3 frases)').fill('Escolas e famílias cultivam hortas com apoio técnico da prefeitura e dos agricultores do bairro.');
		await page.getByLabel('Idioma em que você escreve').selectOption('pt');
		await page.getByLabel('Cidade', { exact: true }).fill('Pelotas');
		await page.getByLabel('Seu nome').fill('João');
		await page.getByLabel('Seu e-mail').fill('joao@pelotas.example');
		await page.getByRole('button', { name: 'Buscar cidade' }).click();
		await page.getByRole('radio', { name: /^Pelotas \(Brasil/ }).check();
		// The proof of work runs in the background; wait for its answer.
		await expect(page.locator('input[name="altcha"]')).not.toHaveValue('', { timeout: 20_000 });
		await page.getByRole('button', { name: 'Salvar e continuar' }).click();
		await expect(page).toHaveURL(/\/pt\/practices\/submit\/[A-Za-z0-9_-]{32}\?step=classification$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sua prática: «Hortas comunitárias em escolas municipais»');
		await expectNoAxeViolations(page);
		// A robot filling the hidden field gets the same answer and no draft.
		const trap = await context.request.post('/practices/submit?/start', {
			form: { title: 'Spam spam spam', summary: 'x'.repeat(40), website: 'http://spam.example', contactEmail: 'bot@example.org' },
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(trap.status()).toBe(303);
		expect(trap.headers().location).toBe('/practices/submit/sent');
		await context.close();
	});
});
