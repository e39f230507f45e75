import { expect, test, type Browser, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { ORGANISER_STATE } from './global-setup.ts';
import { expectNoAxeViolations, mailFromOutbox } from './helpers.ts';

/*
 * Roles are given where they apply. The administrator gives one person the organiser role of the demo
 * network (Mercociudades) and another the reviewer role of the demo exchange, with the form as a browser
 * without JavaScript posts it; both are listed with their places, both invitations wait in the outbox naming
 * the place; then both roles are taken away through their confirmation pages, so the installation stays as it was.
 */

const DEMO_TITLE = 'Intercambio de buenas prácticas en planificación estratégica territorial';
const suffix = randomUUID().slice(0, 8);
const NETWORK_ORGANISER = { email: `red.organiza.${suffix}@ciudad.example`, name: 'Nora Red' };
const REVIEWER = { email: `revisa.intercambio.${suffix}@ciudad.example`, name: 'Raúl Revisa' };

/** The administrator's tab without JavaScript, at a phone's width. */
async function administrator(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ storageState: ORGANISER_STATE, javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
	return context.newPage();
}

/** axe runs a script: it checks the same address in a tab that has JavaScript, at the same width. */
async function expectAxeClean(browser: Browser, page: Page) {
	const context = await browser.newContext({ storageState: ORGANISER_STATE, viewport: page.viewportSize() });
	const checker = await context.newPage();
	await checker.goto(page.url());
	await expectNoAxeViolations(checker);
	await context.close();
}

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function grant(page: Page, person: { email: string; name: string }, role: string, scope: string) {
	await page.getByLabel('Correo electrónico').fill(person.email);
	await page.getByLabel('Nombre (opcional)').fill(person.name);
	await page.getByLabel('Rol', { exact: true }).selectOption({ label: role });
	await page.getByLabel('Dónde').selectOption({ label: scope });
	await page.getByRole('button', { name: 'Dar el rol y avisar por correo' }).click();
	await expect(page.getByRole('status')).toContainText('Rol otorgado');
}

test.describe('People and roles, each at its place', () => {
	test('the administrator gives a network’s and an exchange’s role, the invitations name the place, then takes both away', async ({ browser }) => {
		test.setTimeout(120_000);
		const page = await administrator(browser);
		await page.goto('/admin/people');
		await expectAxeClean(browser, page);
		expect(await fitsWidth(page)).toBe(true);

		// The places, grouped: the installation, the networks, each network's exchanges.
		const groups = await page.locator('#p-scope optgroup').evaluateAll((els) => els.map((el) => el.getAttribute('label')));
		expect(groups.slice(0, 2)).toEqual(['Instalación', 'Redes']);
		expect(groups).toContain('Intercambios de Mercociudades');
		await expect(page.locator('#p-scope optgroup[label="Intercambios de Mercociudades"] option', { hasText: DEMO_TITLE })).toHaveCount(1);

		// A role at a place where it does not exist is refused, saying why, and nobody is invited.
		await page.getByLabel('Correo electrónico').fill(REVIEWER.email);
		await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'evaluación' });
		await page.getByLabel('Dónde').selectOption({ label: 'Red Mercociudades: todos sus intercambios' });
		await page.getByRole('button', { name: 'Dar el rol y avisar por correo' }).click();
		await expect(page.locator('#p-scope-error')).toHaveText(/^Ese rol no existe en ese ámbito: la administración es de toda la instalación/);
		await expect(page.getByLabel('Correo electrónico')).toHaveValue(REVIEWER.email);
		await expectAxeClean(browser, page);
		expect(await fitsWidth(page)).toBe(true);

		await page.goto('/admin/people');
		await grant(page, NETWORK_ORGANISER, 'organización', 'Red Mercociudades: todos sus intercambios');
		await grant(page, REVIEWER, 'evaluación', DEMO_TITLE);
		const organiserRow = page.getByRole('row', { name: new RegExp(NETWORK_ORGANISER.email.replaceAll('.', '\\.')) });
		const reviewerRow = page.getByRole('row', { name: new RegExp(REVIEWER.email.replaceAll('.', '\\.')) });
		await expect(organiserRow).toContainText('organización · red Mercociudades');
		await expect(reviewerRow).toContainText(`evaluación · ${DEMO_TITLE} (red Mercociudades)`);
		expect(await fitsWidth(page)).toBe(true);

		// The invitations wait in the outbox, each naming its place.
		await page.goto('/admin/outbox');
		for (const person of [NETWORK_ORGANISER, REVIEWER]) {
			await expect(page.getByRole('row', { name: new RegExp(person.email.replaceAll('.', '\\.')) }).first()).toContainText('Tienes un rol en Intercambio');
		}
		expect(await mailFromOutbox(browser, NETWORK_ORGANISER.email, /Tienes un rol en Intercambio/)).toContain(
			'En Intercambio te dieron el rol de organización en la red Mercociudades. Puedes organizar todos los intercambios de esa red'
		);
		expect(await mailFromOutbox(browser, REVIEWER.email, /Tienes un rol en Intercambio/)).toContain(
			`En Intercambio te dieron el rol de evaluación en el intercambio «${DEMO_TITLE}».`
		);

		// Both roles are taken away, each page saying what is lost at that place.
		await page.goto('/admin/people');
		await page.getByRole('link', { name: `Quitar a ${NETWORK_ORGANISER.email} el rol de organización en la red Mercociudades` }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`¿Quitar a ${NETWORK_ORGANISER.name} el rol de organización en la red Mercociudades?`);
		await expect(page.getByText(`${NETWORK_ORGANISER.name} ya no podrá organizar los intercambios de la red Mercociudades`)).toBeVisible();
		await expectAxeClean(browser, page);
		expect(await fitsWidth(page)).toBe(true);
		await page.getByRole('button', { name: 'Sí, quitar el rol' }).click();
		await expect(page.getByRole('status')).toHaveText('Rol quitado.');

		await page.getByRole('link', { name: `Quitar a ${REVIEWER.email} el rol de evaluación en el intercambio «${DEMO_TITLE}»` }).click();
		await expect(page.getByText(`${REVIEWER.name} ya no podrá revisar las prácticas enviadas («${DEMO_TITLE}»).`)).toBeVisible();
		await page.getByRole('button', { name: 'Sí, quitar el rol' }).click();
		await expect(page.getByRole('status')).toHaveText('Rol quitado.');
		await expect(organiserRow).toHaveCount(0);
		await expect(reviewerRow).toHaveCount(0);
		await page.context().close();
		// (Signing in as the network's organiser is left to the cross-network journey: every sign-in counts
		// against the one client address's limit, which the journeys already come close to.)
	});

	test('the form’s refusals are in the reader’s language', async ({ browser }) => {
		const page = await administrator(browser);
		await page.goto('/en/admin/people');
		await page.getByLabel('Email').fill(`someone.${suffix}@ciudad.example`);
		await page.getByLabel('Role', { exact: true }).selectOption({ label: 'moderator' });
		await page.getByLabel('Where').selectOption({ label: 'The whole installation (for administrators)' });
		await page.getByRole('button', { name: 'Give the role and tell them by email' }).click();
		await expect(page.locator('#p-scope-error')).toHaveText(/^That role does not exist at that scope/);
		await page.goto('/en/admin/people');
		await expect(page.getByText(`someone.${suffix}@ciudad.example`)).toHaveCount(0);
		await page.context().close();
	});
});
