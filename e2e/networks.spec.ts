import { expect, test, type Browser, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { ORGANISER_STATE } from './global-setup.ts';
import { expectNoAxeViolations } from './helpers.ts';

// Issue 12, networks and their units: an administrator creates a network (without JavaScript), gives it
// a unit and a logo (an SVG is refused, a PNG is kept at most 512 px), moves its address (the old one
// redirects), and the public page shows the unit and the logo, usable on a phone. The network is new
// to this journey, so nothing another journey reads changes.
test.describe.configure({ mode: 'serial' });

async function organiser(browser: Browser, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
	const context = await browser.newContext({
		storageState: ORGANISER_STATE,
		javaScriptEnabled: options.javaScriptEnabled ?? false,
		...(options.width ? { viewport: { width: options.width, height: 800 } } : {})
	});
	return context.newPage();
}

/** axe needs JavaScript: the same page, at the same width, with it on. */
async function expectAxeClean(browser: Browser, page: Page, signedIn = true) {
	const context = await browser.newContext({ ...(signedIn ? { storageState: ORGANISER_STATE } : {}), viewport: page.viewportSize() });
	const checker = await context.newPage();
	await checker.goto(page.url());
	await expectNoAxeViolations(checker);
	await context.close();
}

test('an administrator creates a network with a unit and a logo, moves its address, and the public page shows them', async ({ browser }) => {
	test.setTimeout(90_000);
	const suffix = randomUUID().slice(0, 8);
	const name = `Red de Ciudades E2E ${suffix}`;
	const slug = `red-e2e-${suffix}`;
	const newSlug = `red-e2e-${suffix}-nueva`;
	const unit = `Unidad de Movilidad ${suffix}`;

	// The create form, without JavaScript.
	const page = await organiser(browser, { width: 360 });
	await page.goto('/admin/networks');
	await expectAxeClean(browser, page);
	await page.getByRole('link', { name: 'Nueva red' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nueva red');
	await expectAxeClean(browser, page);

	// A wrong address is refused with its message, and what was typed stays.
	await page.getByLabel('Nombre', { exact: true }).fill(name);
	await page.getByLabel('Dirección de la página').fill('Red Con Espacios');
	await page.getByRole('button', { name: 'Crear la red' }).click();
	await expect(page.getByRole('alert')).toHaveText('Revisa los campos marcados.');
	await expect(page.locator('#n-slug-error')).toContainText('Usa solo letras minúsculas');
	await expect(page.getByLabel('Nombre', { exact: true })).toHaveValue(name);

	await page.getByLabel('Dirección de la página').fill(slug);
	await page.getByLabel('Sitio web (opcional, con https://)').fill('https://red-e2e.example.org');
	await page.getByLabel('Descripción · Español').fill('Una red de prueba de los recorridos.');
	await page.getByRole('button', { name: 'Crear la red' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Editar la red ${name}`);
	await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
	await expectAxeClean(browser, page);
	const editor = page.url().replace(/[?#].*$/, '');

	// A unit.
	const units = page.locator('#units');
	await units.getByLabel('Nombre en español').fill(unit);
	await units.getByLabel('Nombre en portugués (opcional)').fill(`Unidade de Mobilidade ${suffix}`);
	await units.getByRole('button', { name: 'Agregar la unidad' }).click();
	await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
	await expect(page.locator('#units fieldset legend').first()).toContainText(unit);

	// An SVG (even named .png) is refused with the message, by its bytes.
	const logoInput = page.getByLabel('Archivo del logotipo');
	const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
	await logoInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: svg });
	await page.getByRole('button', { name: 'Subir el logotipo' }).click();
	await expect(page.getByRole('alert')).toHaveText('Revisa los campos marcados.');
	await expect(page.locator('#n-logo-error')).toHaveText('El logotipo tiene que ser una imagen PNG o JPEG. No se aceptan SVG, GIF ni otros formatos.');
	await expect(page.getByText('La red todavía no tiene logotipo.')).toBeVisible();

	// A PNG, bigger than a logo needs: kept at most 512 px, as PNG.
	const png = await sharp({ create: { width: 1200, height: 600, channels: 4, background: { r: 0, g: 90, b: 160, alpha: 1 } } }).png().toBuffer();
	await page.getByLabel('Archivo del logotipo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
	await page.getByRole('button', { name: 'Subir el logotipo' }).click();
	await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
	const preview = page.locator('#logo').getByRole('img', { name });
	await expect(preview).toBeVisible();
	const logoPath = (await preview.getAttribute('src'))!;
	const logo = await page.request.get(logoPath);
	expect(logo.status()).toBe(200);
	expect(logo.headers()['content-type']).toBe('image/png');
	expect(logo.headers()['x-content-type-options']).toBe('nosniff');
	expect(logo.headers()['cache-control']).toContain('max-age=31536000');
	const etag = logo.headers()['etag'];
	expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
	const meta = await sharp(await logo.body()).metadata();
	expect([meta.format, meta.width, meta.height]).toEqual(['png', 512, 256]);
	expect((await page.request.get(logoPath, { headers: { 'if-none-match': etag } })).status()).toBe(304);

	// A new address: the old one answers with a permanent redirect to it.
	await page.goto(`${editor}?edit=es`);
	await page.locator('#details').getByLabel('Dirección de la página').fill(newSlug);
	await page.locator('#details').getByRole('button', { name: 'Guardar' }).click();
	await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
	const old = await page.request.get(`/networks/${slug}`, { maxRedirects: 0 });
	expect(old.status()).toBe(308);
	expect(old.headers().location).toBe(`/networks/${newSlug}`);
	await page.context().close();

	// The public page, as a visitor on a phone: the unit, the logo, the link to its practices.
	const visitor = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
	const pub = await visitor.newPage();
	await pub.goto(`/networks/${slug}`);
	await expect(pub).toHaveURL(new RegExp(`/networks/${newSlug}$`));
	await expect(pub.getByRole('heading', { level: 1 })).toHaveText(name);
	await expect(pub.getByRole('img', { name })).toBeVisible();
	await expect(pub.locator('section[aria-labelledby="units-h"]')).toContainText(unit);
	await expect(pub.getByText('No hay intercambios próximos por ahora.')).toBeVisible();
	await expect(pub.getByText('Todavía no hay prácticas de esta red en el repositorio.')).toBeVisible();
	await expect(pub.getByRole('link', { name: 'Novedades de los intercambios (Atom)' })).toHaveAttribute('href', `/networks/${newSlug}/events.atom`);
	// No sideways scrolling at 360 px.
	expect(await pub.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectAxeClean(browser, pub, false);
	// In Portuguese, the unit's own name; the description falls back to Spanish, marked as such.
	await pub.goto(`/pt/networks/${newSlug}`);
	await expect(pub.locator('section[aria-labelledby="units-h"]')).toContainText(`Unidade de Mobilidade ${suffix}`);
	await expect(pub.getByText('Una red de prueba de los recorridos.')).toHaveAttribute('lang', 'es');
	await pub.goto('/networks');
	await expect(pub.getByRole('link', { name })).toHaveAttribute('href', `/networks/${newSlug}`);
	await expectAxeClean(browser, pub, false);
	await visitor.close();
});

test('the demo network is labelled as demo and lists its exchange and practices with the link to the repository', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
	const page = await context.newPage();
	await page.goto('/networks/mercociudades');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mercociudades');
	await expect(page.getByRole('note')).toHaveText('Esta es una red de demostración: sus textos, intercambios y prácticas son de ejemplo.');
	await expect(page.locator('section[aria-labelledby="past-h"]').getByRole('link')).toContainText(['Intercambio de buenas prácticas en planificación estratégica territorial']);
	await expect(page.getByRole('link', { name: 'Ver las prácticas de la red en el repositorio' })).toHaveAttribute('href', '/practices?network=mercociudades');
	await expectNoAxeViolations(page);
	await context.close();
});

test('a unit an exchange belongs to cannot be removed: the confirmation page says so and offers no button', async ({ browser }) => {
	const page = await organiser(browser);
	await page.goto('/admin/networks');
	await page.getByRole('link', { name: 'Editar: Mercociudades' }).click();
	await page.locator('#units fieldset').first().getByRole('link', { name: 'Quitar esta unidad' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('¿Quitar la unidad');
	// The demo and any edition copied into its unit by other journeys on this server.
	await expect(page.locator('.confirm-box')).toContainText(/\d+ intercambios? pertenecen? a esta unidad, así que no se puede quitar\./);
	await expect(page.getByRole('button', { name: 'Sí, quitar la unidad' })).toHaveCount(0);
	await expectAxeClean(browser, page);
	await page.context().close();
});
