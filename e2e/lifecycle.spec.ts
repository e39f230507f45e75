import { expect, test, type Browser, type Page } from '@playwright/test';
import { ORGANISER_STATE } from './global-setup.ts';
import { EVENT_PATH, expectNoAxeViolations, removeSessionByTitle, sessionOnNow, demoEditLink } from './helpers.ts';

// An exchange's life, on the demo exchange (published, held in 2021): the Status section of the editor
// says its phase and what is incomplete with a link to each field; archiving, publishing the conclusions
// and a session on now change what its public page says; a new address redirects the old one. Every step
// puts the demo back as it ships. Forms are used without JavaScript, on a phone where it matters.
// (A draft's preview is covered by src/lib/server/exchanges/public-page.test.ts: the demo has
// registrations, so it cannot go back to draft; the journey copy → draft preview → publish comes with
// the "New exchange" page.)
test.describe.configure({ mode: 'serial' });
// Long journeys (each restores the demo in its own steps): give them room on a busy machine.
test.setTimeout(120_000);

const DEMO_SLUG = EVENT_PATH.split('/').pop()!;

async function organiser(browser: Browser, width = 1280): Promise<Page> {
	const context = await browser.newContext({ storageState: ORGANISER_STATE, javaScriptEnabled: false, viewport: { width, height: 800 } });
	return context.newPage();
}

/** axe runs scripts in the page: the same address in a tab with JavaScript on (the pages ship none). */
async function axeAt(browser: Browser, url: string, { width = 1280, signedIn = true } = {}) {
	const context = await browser.newContext({ ...(signedIn ? { storageState: ORGANISER_STATE } : {}), viewport: { width, height: 800 } });
	const page = await context.newPage();
	await page.goto(url);
	await expectNoAxeViolations(page);
	await context.close();
}

/** The demo exchange's editor (the first "Edit" on the dashboard is the demo: it is the only one seeded). */
async function demoEditor(page: Page): Promise<string> {
	await page.goto('/admin');
	await demoEditLink(page).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Estado' })).toBeVisible();
	return new URL(page.url()).pathname;
}

async function visitor(browser: Browser, width = 360): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 } });
	return context.newPage();
}

test.describe('An exchange’s life', () => {
	test('the Status section names what is incomplete, links to the field, and the languages offered drive the texts switch', async ({ browser }) => {
		const page = await organiser(browser);
		const editor = await demoEditor(page);
		const status = page.locator('#status');
		await expect(status.getByText('Ahora:')).toBeVisible();
		await expect(status.locator('[data-phase="held"]')).toHaveText('Realizado: todas las sesiones terminaron. Cuando estén listas, publica las conclusiones.');
		await expect(status.getByRole('button', { name: 'Publicar las conclusiones' })).toBeEnabled();
		// Published: no Publish button, and the checklist says what is incomplete rather than what blocks.
		await expect(status.getByRole('button', { name: 'Publicar', exact: true })).toHaveCount(0);
		await expect(status.getByRole('heading', { level: 3, name: 'Lo que está incompleto' })).toBeVisible();
		await expect(status.getByRole('link', { name: 'Resumen en portugués' })).toHaveCount(0);

		// Empty the Portuguese summary for a moment.
		await page.goto(`${editor}?edit=pt`);
		const summary = page.locator('#t-summary');
		const original = await summary.inputValue();
		expect(original.length).toBeGreaterThan(20);
		try {
			await summary.fill('');
			await page.locator('#texts').getByRole('button', { name: 'Guardar' }).click();
			await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
			const item = page.locator('#status').getByRole('link', { name: 'Resumen en portugués' });
			await expect(item).toHaveAttribute('href', '?edit=pt#t-summary');
			await axeAt(browser, page.url());
			await axeAt(browser, page.url(), { width: 360 });
			await item.click();
			expect(new URL(page.url()).search).toBe('?edit=pt');
			expect(new URL(page.url()).hash).toBe('#t-summary');
			await expect(page.locator('#t-summary')).toHaveValue('');
			// The server refuses to publish anyway: it is published already (a draft would be refused with the checklist).
			const refused = await page.request.post(`${editor}?/publish`, { form: { confirm: 'publish' }, headers: { origin: new URL(page.url()).origin, accept: 'text/html' } });
			expect(refused.status()).toBe(409);
			expect(await refused.text()).toContain('Ya está publicado.');
		} finally {
			await page.goto(`${editor}?edit=pt`);
			await page.locator('#t-summary').fill(original);
			await page.locator('#texts').getByRole('button', { name: 'Guardar' }).click();
			await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		}
		await expect(page.locator('#status').getByRole('link', { name: 'Resumen en portugués' })).toHaveCount(0);

		// Offered in Spanish and Portuguese only: the texts switch offers those two, then English again.
		const switcher = page.getByRole('navigation', { name: 'Idioma que editas' });
		await expect(switcher.getByRole('link')).toHaveText(['Español', 'Português', 'English']);
		try {
			await page.locator('#status').getByLabel('English').uncheck();
			await page.getByRole('button', { name: 'Cambiar los idiomas' }).click();
			await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
			await expect(page.getByRole('navigation', { name: 'Idioma que editas' }).getByRole('link')).toHaveText(['Español', 'Português']);
			await expect(page.locator('#status').getByLabel('Español')).toBeDisabled();
			await expect(page.locator('#status').getByLabel('Español')).toBeChecked();
		} finally {
			await page.goto(editor);
			await page.locator('#status').getByLabel('English').check();
			await page.getByRole('button', { name: 'Cambiar los idiomas' }).click();
			await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		}
		await expect(page.getByRole('navigation', { name: 'Idioma que editas' }).getByRole('link')).toHaveText(['Español', 'Português', 'English']);
		await page.context().close();
	});

	test('archived, the public page says so and offers no registration; out of the archive, it is held again', async ({ browser }) => {
		const page = await organiser(browser, 360);
		await demoEditor(page);
		const public_ = await visitor(browser);
		try {
			await page.locator('#status').getByRole('button', { name: 'Archivar' }).click();
			await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
			await expect(page.locator('#status [data-phase]')).toHaveText('Archivado: sigue siendo público, marcado como archivado, y no recibe inscripciones.');
			await expect(page.locator('#status').getByRole('button', { name: 'Volver a borrador' })).toHaveCount(0);

			await public_.goto(EVENT_PATH);
			await expect(public_.locator('.phase .badge')).toHaveText('Archivado');
			await expect(public_.getByRole('heading', { level: 2, name: 'Intercambio archivado' })).toBeVisible();
			await expect(public_.getByText('Esta página queda como registro del intercambio: ya no recibe inscripciones.')).toBeVisible();
			await expect(public_.getByRole('link', { name: 'Inscribirme' })).toHaveCount(0);
			await expect(public_.getByRole('heading', { level: 2, name: 'Cómo participar' })).toHaveCount(0);
			await axeAt(browser, EVENT_PATH, { width: 360, signedIn: false });
			await axeAt(browser, page.url(), { width: 360 });
		} finally {
			await page.locator('#status').getByRole('button', { name: 'Sacar del archivo' }).click();
			await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		}
		await public_.goto(EVENT_PATH);
		await expect(public_.locator('.phase .badge')).toHaveText('Realizado');
		await expect(public_.getByRole('heading', { level: 2, name: 'El intercambio ya se realizó' })).toBeVisible();
		await public_.context().close();
		await page.context().close();
	});

	test('published conclusions make it concluded: the page gathers each axis’s conclusions and the recordings', async ({ browser }) => {
		const page = await organiser(browser);
		const editor = await demoEditor(page);
		const first = page.locator('#axes fieldset').first();
		const conclusions = first.getByLabel('Conclusiones de la moderación');
		const before = await conclusions.inputValue();
		const public_ = await visitor(browser);
		try {
			await conclusions.fill('La participación mejora el plan cuando la ciudad rinde cuentas de cada aporte.');
			await first.getByRole('button', { name: 'Guardar' }).click();
			await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
			await page.locator('#status').getByRole('button', { name: 'Publicar las conclusiones' }).click();
			await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
			await expect(page.locator('#status [data-phase]')).toHaveText('Concluido: las conclusiones y las grabaciones están publicadas.');

			await public_.goto(EVENT_PATH);
			await expect(public_.locator('.phase .badge')).toHaveText('Concluido');
			const section = public_.locator('section[aria-labelledby="concluded"]');
			await expect(section.getByRole('heading', { level: 2, name: 'Conclusiones del intercambio' })).toBeVisible();
			await expect(section.getByRole('heading', { level: 3, name: 'Participación ciudadana' })).toBeVisible();
			await expect(section).toContainText('La participación mejora el plan cuando la ciudad rinde cuentas de cada aporte.');
			await expect(public_.getByRole('link', { name: 'Inscribirme' })).toHaveCount(0);
			await axeAt(browser, EVENT_PATH, { width: 360, signedIn: false });
		} finally {
			await page.goto(editor);
			const reopen = page.locator('#status').getByRole('button', { name: 'Retirar las conclusiones publicadas' });
			if (await reopen.count()) {
				await reopen.click();
				await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
			}
			await page.locator('#axes fieldset').first().getByLabel('Conclusiones de la moderación').fill(before);
			await page.locator('#axes fieldset').first().getByRole('button', { name: 'Guardar' }).click();
			await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
		}
		await public_.goto(EVENT_PATH);
		await expect(public_.locator('.phase .badge')).toHaveText('Realizado');
		await public_.context().close();
		await page.context().close();
	});

	test('with a session on now, the page says it is live, names the session and still takes registrations', async ({ browser }) => {
		const title = 'Sesión en vivo del ciclo de vida';
		const page = await organiser(browser);
		await demoEditor(page);
		const public_ = await visitor(browser);
		try {
			const on = sessionOnNow();
			const add = page.locator('#sessions form').last();
			await add.getByLabel('Título', { exact: true }).fill(title);
			await add.getByLabel('Fecha').fill(on.date);
			await add.getByLabel('Empieza').fill(on.start);
			await add.getByLabel('Termina').fill(on.end);
			await add.getByRole('button', { name: 'Añadir sesión' }).click();
			await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
			await expect(page.locator('#status [data-phase]')).toHaveText('En curso: una sesión se está realizando ahora.');

			await public_.goto(EVENT_PATH);
			await expect(public_.locator('.phase .badge')).toHaveText('En curso ahora');
			await expect(public_.locator('.notice.live')).toContainText(title);
			await expect(public_.getByRole('link', { name: 'Inscribirme' })).toBeVisible();
			await axeAt(browser, EVENT_PATH, { width: 360, signedIn: false });
		} finally {
			await removeSessionByTitle(browser, title);
		}
		await public_.goto(EVENT_PATH);
		await expect(public_.locator('.phase .badge')).toHaveText('Realizado');
		await public_.context().close();
		await page.context().close();
	});

	test('a new address redirects the old one (page, sub-pages, calendar), and going back leaves the demo where it was', async ({ browser }) => {
		const page = await organiser(browser, 360);
		const editor = await demoEditor(page);
		const next = `${DEMO_SLUG}-${Date.now().toString(36)}`;
		const changeTo = async (slug: string) => {
			await page.goto(editor);
			await page.getByLabel('Nueva dirección').fill(slug);
			await page.getByRole('button', { name: 'Cambiar la dirección' }).click();
			await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
			await expect(page.locator('#status').getByRole('link', { name: `/events/${slug}` })).toBeVisible();
		};
		const location = async (path: string) => {
			const answer = await page.request.get(path, { maxRedirects: 0 });
			return [answer.status(), answer.headers().location ?? null];
		};
		try {
			await changeTo(next);
			expect(await location(EVENT_PATH)).toEqual([308, `/events/${next}`]);
			expect(await location(`/pt${EVENT_PATH}/register`)).toEqual([308, `/pt/events/${next}/register`]);
			expect(await location(`${EVENT_PATH}/calendar.ics`)).toEqual([308, `/events/${next}/calendar.ics`]);
			const public_ = await visitor(browser);
			await public_.goto(EVENT_PATH);
			expect(new URL(public_.url()).pathname).toBe(`/events/${next}`);
			await expect(public_.getByRole('heading', { level: 1 })).toHaveText('Intercambio de buenas prácticas en planificación estratégica territorial');
			await public_.context().close();

			// An address that is not one cannot be set.
			await page.getByLabel('Nueva dirección').fill('Con Espacios');
			await page.getByRole('button', { name: 'Cambiar la dirección' }).click();
			await expect(page.locator('#l-slug-error')).toHaveText('Usa solo letras minúsculas sin tildes, números y guiones (por ejemplo: intercambio-2027).');
			await axeAt(browser, `${editor}#status`, { width: 360 });
		} finally {
			await changeTo(DEMO_SLUG);
		}
		expect(await location(EVENT_PATH)).toEqual([200, null]);
		expect(await location(`/events/${next}`)).toEqual([308, EVENT_PATH]);
		expect(await location(`/en/events/${next}/calendar.ics`)).toEqual([308, `/en${EVENT_PATH}/calendar.ics`]);
		await page.context().close();
	});
});
