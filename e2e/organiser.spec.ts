import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { FIRST_LINK_FILE } from './global-setup.ts';
import { DEMO_EXCHANGE_TITLE, EVENT_PATH, ORGANISER_EMAIL as ORGANISER, expectNoAxeViolations, organiserPage, demoEditLink } from './helpers.ts';

const PASSWORD = 'una-contraseña-larga-2021';

// One organiser's story, step by step. The steps after the first sign-in act in the session global-setup
// signed in for the same organiser, so no step (and no other journey) needs this one's sign-in to have run.
test.describe.configure({ mode: 'serial' });

const asOrganiser = organiserPage;

test.describe('An organiser runs the exchange', () => {
	test('an anonymous visitor who opens the admin area is asked to sign in', async ({ page }) => {
		await page.goto('/admin');
		await expect(page).toHaveURL('/sign-in');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iniciar sesión');
		await expectNoAxeViolations(page);
		// Writing is refused too, not only reading.
		const post = await page.request.post('/admin/events/00000000-0000-0000-0000-000000000000?/texts', {
			form: { locale: 'es', title: 'x' },
			// As a browser without JavaScript posts a form.
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(post.status()).toBe(303);
		expect(post.headers().location).toBe('/sign-in');
	});

	test('the first organiser signs in with the link printed at start, sets a password and signs in with it', async ({ page }) => {
		const link = fs.readFileSync(FIRST_LINK_FILE, 'utf8');
		await page.goto(link);
		await expect(page).toHaveURL('/admin');
		await expect(page.getByText(`Sesión de ${ORGANISER}`)).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('navigation', { name: 'Secciones de administración' }).getByRole('link', { name: 'Mi cuenta' }).click();
		await page.getByLabel('Nueva contraseña').fill('corta');
		// The browser's own check would stop a short password; the server must too.
		await page.getByLabel('Nueva contraseña').evaluate((input) => input.removeAttribute('minlength'));
		await page.getByRole('button', { name: 'Guardar contraseña' }).click();
		await expect(page.getByText('La contraseña necesita al menos 12 caracteres.')).toBeVisible();
		await page.getByLabel('Nueva contraseña').fill(PASSWORD);
		await page.getByRole('button', { name: 'Guardar contraseña' }).click();
		await expect(page.getByRole('status')).toHaveText('Contraseña guardada.');
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Cerrar sesión' }).click();
		await expect(page).toHaveURL('/');
		await page.goto('/admin');
		await expect(page).toHaveURL('/sign-in');

		const passwordForm = page.locator('section', { has: page.getByRole('heading', { name: 'Con contraseña' }) });
		await passwordForm.getByLabel('Correo electrónico').fill(ORGANISER);
		await passwordForm.getByLabel('Contraseña').fill('no-es-la-contraseña');
		await passwordForm.getByRole('button', { name: 'Entrar' }).click();
		await expect(page.getByRole('alert')).toHaveText('El correo o la contraseña no son correctos.');
		await passwordForm.getByLabel('Contraseña').fill(PASSWORD);
		await passwordForm.getByRole('button', { name: 'Entrar' }).click();
		await expect(page).toHaveURL('/admin');
	});

	test('edits the Portuguese title and a session, and the public page changes at once', async ({ browser }) => {
		// A visitor has the page open before the change (anonymous pages are cached in memory).
		const visitor = await browser.newPage();
		await visitor.goto(`/pt${EVENT_PATH}`);
		await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Intercâmbio de boas práticas em planejamento estratégico territorial');
		const page = await asOrganiser(browser);
		await page.goto('/admin');
		await demoEditLink(page).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Editar');
		await expectNoAxeViolations(page);

		// A required Spanish title left empty: a clear message, nothing saved.
		await page.getByLabel('Título', { exact: true }).first().evaluate((input) => input.removeAttribute('required'));
		await page.getByLabel('Título', { exact: true }).first().fill('');
		await page.locator('#texts').getByRole('button', { name: 'Guardar' }).click();
		await expect(page.getByRole('alert')).toHaveText('Revisa los campos marcados.');
		await expect(page.locator('#t-title-error')).toHaveText('Este campo es obligatorio.');

		await page.getByRole('navigation', { name: 'Idioma que editas' }).getByRole('link', { name: 'Português' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Textos · Português' })).toBeVisible();
		await expect(page.locator('#t-title')).toHaveValue('Intercâmbio de boas práticas em planejamento estratégico territorial');
		await page.locator('#t-title').fill('Intercâmbio de boas práticas: planejamento que aprende');
		await page.locator('#texts').getByRole('button', { name: 'Guardar' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');

		// The second session moves to 10:30–12:30 in the event's zone.
		const second = page.locator('#sessions fieldset').nth(1);
		await second.getByLabel('Empieza').fill('10:30');
		await second.getByLabel('Termina').fill('12:30');
		await second.getByRole('button', { name: 'Guardar' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');

		await visitor.goto(`/pt${EVENT_PATH}`);
		await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Intercâmbio de boas práticas: planejamento que aprende');
		await expect(visitor.locator('ol.sessions > li').nth(1)).toContainText(/10:30\s*–\s*12:30\sGMT-3/);
		// Spanish was not touched.
		await visitor.goto(EVENT_PATH);
		await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Intercambio de buenas prácticas en planificación estratégica territorial');

		// Put things back as they were, so the visitors' journeys see the seed's facts.
		await page.locator('#t-title').fill('Intercâmbio de boas práticas em planejamento estratégico territorial');
		await page.locator('#texts').getByRole('button', { name: 'Guardar' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		await page.locator('#sessions fieldset').nth(1).getByLabel('Empieza').fill('10:00');
		await page.locator('#sessions fieldset').nth(1).getByLabel('Termina').fill('12:00');
		await page.locator('#sessions fieldset').nth(1).getByRole('button', { name: 'Guardar' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		await visitor.goto(`/pt${EVENT_PATH}`);
		await expect(visitor.locator('ol.sessions > li').nth(1)).toContainText(/10:00\s*–\s*12:00\sGMT-3/);

		await page.getByRole('link', { name: 'Registro de cambios' }).click();
		const rows = page.locator('tbody tr');
		// Each entry reads as a sentence; the recorded data is one click away.
		await expect(rows.nth(0)).toContainText('session.updated');
		await expect(rows.nth(1)).toContainText('event.texts_updated');
		await expect(rows.nth(2)).toContainText('session.updated');
		await expect(rows.nth(3)).toContainText('editó los textos de');
		await expect(rows.nth(3)).toContainText('(portugués)');
		await expect(rows.nth(3)).toContainText(ORGANISER);
		await expect(rows.nth(3)).toContainText('"locale": "pt"');
		await expectNoAxeViolations(page);
		await page.context().close();
		await visitor.context().close();
	});

	test('gives a reviewer a role; the reviewer signs in by link and is refused the admin area', async ({ browser }) => {
		const page = await asOrganiser(browser);
		await page.goto('/admin/people');
		await expectNoAxeViolations(page);
		await page.getByLabel('Correo electrónico').fill('no-es-un-correo');
		await page.getByLabel('Correo electrónico').evaluate((input) => input.setAttribute('type', 'text'));
		await page.getByRole('button', { name: 'Dar el rol y avisar por correo' }).click();
		await expect(page.locator('#p-email-error')).toHaveText('Escribe un correo electrónico válido.');
		await page.getByLabel('Correo electrónico').fill('revisora@ciudad.example');
		await page.getByLabel('Nombre (opcional)').fill('Revisora');
		await page.getByLabel('Rol', { exact: true }).selectOption('reviewer');
		await page.getByLabel('Dónde').selectOption({ label: DEMO_EXCHANGE_TITLE });
		await page.getByRole('button', { name: 'Dar el rol y avisar por correo' }).click();
		await expect(page.getByRole('status')).toContainText('Rol otorgado');
		await expect(page.getByRole('row', { name: /revisora@ciudad.example/ })).toContainText(`evaluación · ${DEMO_EXCHANGE_TITLE} (red Mercociudades)`);

		// Without SMTP the invitation waits in the outbox, where organisers read it.
		await page.getByRole('link', { name: 'Correo saliente' }).click();
		await expect(page.getByRole('row', { name: /revisora@ciudad.example/ })).toContainText('Tienes un rol en Intercambio');

		const reviewerContext = await browser.newContext();
		const reviewer = await reviewerContext.newPage();
		await reviewer.goto('/sign-in');
		const linkForm = reviewer.locator('section', { has: reviewer.getByRole('heading', { name: 'Con un enlace por correo' }) });
		await linkForm.getByLabel('Correo electrónico').fill('revisora@ciudad.example');
		await linkForm.getByRole('button', { name: 'Enviarme el enlace' }).click();
		await expect(reviewer.getByRole('status')).toContainText('el enlace ya está en camino');

		await page.reload();
		await page.getByRole('link', { name: 'Tu enlace para entrar en Intercambio' }).first().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Correo para revisora@ciudad.example');
		const body = await page.locator('pre').innerText();
		const link = /(http:\/\/\S+\/api\/auth\/magic-link\/verify\?\S+)/.exec(body)?.[1];
		expect(link).toBeTruthy();
		await expectNoAxeViolations(page);

		const response = await reviewer.goto(link!);
		expect(response?.status()).toBe(403);
		await expect(reviewer.getByText('Tu cuenta no tiene permiso para entrar aquí.')).toBeVisible();
		await expectNoAxeViolations(reviewer);
		// Every other admin page, export and form action refuses a reviewer (and anonymous visitors):
		// refusals.spec.ts checks them all, generated from the route tree.
		await reviewerContext.close();
		await page.context().close();
	});

	test('corrects a published practice; the public history shows what changed', async ({ browser }) => {
		const page = await asOrganiser(browser);
		await page.goto('/admin/practices?q=datos+abiertos');
		await page.getByRole('link', { name: /Portal de datos abiertos/ }).first().click();
		await page.getByRole('link', { name: 'Editar (publica una nueva versión)' }).click();
		await expectNoAxeViolations(page);
		const summary = page.getByLabel('Resumen', { exact: true });
		const before = await summary.inputValue();
		await summary.fill(`${before} Incluye un tablero con el avance de cada proyecto del plan.`);
		await page.getByRole('button', { name: 'Publicar la nueva versión' }).click();
		await expect(page.locator('#e-note-error')).toHaveText('Este campo es obligatorio.');
		await page.getByLabel('Qué cambió y por qué (se muestra en el historial)').fill('Se agrega el tablero de avance.');
		await page.getByRole('button', { name: 'Publicar la nueva versión' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Historial de');
		const newest = page.locator('ol.versions > li').first();
		await expect(newest.getByRole('heading', { level: 2 })).toContainText('Versión 2');
		await expect(newest).toContainText('Se agrega el tablero de avance.');
		await expect(newest).toContainText('Campos que cambiaron: Resumen');
		await expect(newest.locator('ins')).toContainText('Incluye un tablero con el avance de cada proyecto del plan.');
		await expectNoAxeViolations(page);
		await page.context().close();
	});

	test('adds a place the gazetteer lacks, and cities can choose it', async ({ browser }) => {
		const page = await asOrganiser(browser);
		await page.goto('/admin/places');
		await expectNoAxeViolations(page);
		await page.getByLabel('Nombre').fill('Villa Serrana');
		await page.getByLabel('Población (opcional)').fill('muchos');
		await page.getByRole('button', { name: 'Agregar lugar' }).click();
		await expect(page.locator('#pl-country-error')).toHaveText('Este campo es obligatorio.');
		await expect(page.locator('#pl-population-error')).toHaveText('El valor no es válido.');
		await page.getByLabel('País', { exact: true }).selectOption('UY');
		await page.getByLabel('Población (opcional)').fill('150');
		await page.getByRole('button', { name: 'Agregar lugar' }).click();
		await expect(page.getByRole('status')).toHaveText('Lugar agregado.');
		await expect(page.getByRole('listitem').filter({ hasText: 'Villa Serrana (Uruguay)' })).toBeVisible();
		await page.context().close();

		const cityContext = await browser.newContext({ javaScriptEnabled: false });
		const city = await cityContext.newPage();
		await city.goto('/practices/submit');
		await city.getByLabel('Ciudad', { exact: true }).fill('serrana');
		await city.getByRole('button', { name: 'Buscar ciudad' }).click();
		await expect(city.getByRole('radio', { name: /^Villa Serrana \(Uruguay/ })).toBeVisible();
		await cityContext.close();
	});

	test("writes the moderators' conclusions of an axis; the event and its practices show them", async ({ browser }) => {
		const page = await asOrganiser(browser);
		await page.goto('/admin');
		await demoEditLink(page).click();
		const first = page.locator('#axes fieldset').first();
		await first.getByLabel('Conclusiones de la moderación').fill('Participar cambia el plan cuando la ciudad devuelve lo que hizo con cada aporte.');
		await first.getByLabel('Quién moderó').fill('Equipo de la Unidad Temática');
		await first.getByRole('button', { name: 'Guardar' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		// The first session's recording is published after the exchange.
		const session = page.locator('#sessions > fieldset').first();
		await session.getByLabel(/Grabación/).fill('https://video.example.org/intercambio-sesion-1');
		await session.getByRole('button', { name: 'Guardar' }).click();
		await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		await page.context().close();

		const visitor = await browser.newPage();
		await visitor.goto(EVENT_PATH);
		const axis = visitor.locator('section[aria-labelledby="axes"] li').first();
		await expect(axis).toContainText('Conclusiones de Equipo de la Unidad Temática');
		await expect(axis).toContainText('Participar cambia el plan cuando la ciudad devuelve lo que hizo con cada aporte.');
		// A practice presented in that axis at the exchange carries them too.
		await visitor.goto('/practices/presupuesto-participativo-barrios-votacion-digital-presencial');
		await expect(visitor.getByRole('heading', { level: 2, name: 'Lo que concluyó la moderación del eje «Participación ciudadana»' })).toBeVisible();
		await expect(visitor.getByRole('link', { name: /Grabación de la sesión del intercambio/ })).toHaveAttribute('href', 'https://video.example.org/intercambio-sesion-1');
		await visitor.context().close();
	});
});
