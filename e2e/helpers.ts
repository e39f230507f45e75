import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ORGANISER_EMAIL, ORGANISER_STATE } from './global-setup.ts';

export { ORGANISER_EMAIL };

/** WCAG 2.2 AA, as the design asks: the page must have no violation at all. */
export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(summary).toEqual([]);
}

export const EVENT_PATH = '/events/intercambio-planificacion-2021';
/**
 * The demo exchange's "Editar" link on /admin, found by its title: journeys create other exchanges too
 * (exchange-copy.spec.ts), listed before it, newest first.
 */
export const demoEditLink = (page: Page) =>
	page.locator('li.card').filter({ has: page.getByRole('heading', { level: 2, name: DEMO_EXCHANGE_TITLE, exact: true }) }).getByRole('link', { name: 'Editar' });
/** The demo exchange's zone: the session form's date and times are wall-clock times there. */
export const EVENT_TIME_ZONE = 'America/Montevideo';

/**
 * A tab of the first organiser, signed in by global-setup from its own one-time link: any journey can act
 * as the organiser without another journey having signed in first.
 */
export async function organiserPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ storageState: ORGANISER_STATE });
	return context.newPage();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text of the newest mail to someone whose subject matches, read by an organiser in the outbox. */
export async function mailFromOutbox(browser: Browser, recipient: string, subject: RegExp): Promise<string> {
	const page = await organiserPage(browser);
	await page.goto('/admin/outbox');
	await page.getByRole('row', { name: new RegExp(escape(recipient)) }).filter({ hasText: subject }).first().getByRole('link').click();
	const body = await page.locator('pre').innerText();
	await page.context().close();
	return body;
}

/** The demo exchange's title, as the people page's place picker lists it. */
export const DEMO_EXCHANGE_TITLE = 'Intercambio de buenas prácticas en planificación estratégica territorial';

/**
 * The organiser gives someone a role on /admin/people, as the people page offers it. `scope` is the
 * label of the place in the picker; by default the demo exchange (reviewers and moderators exist only
 * for an exchange), or the whole installation for an administrator.
 */
export async function grantRole(browser: Browser, person: { email: string; name?: string; role: 'organiser' | 'reviewer' | string; scope?: string }) {
	const page = await organiserPage(browser);
	await page.goto('/admin/people');
	await page.getByLabel('Correo electrónico').fill(person.email);
	if (person.name) await page.getByLabel('Nombre (opcional)').fill(person.name);
	await page.getByLabel('Rol', { exact: true }).selectOption(person.role);
	const scope = person.scope ?? (person.role === 'administrator' ? 'Toda la instalación (para la administración)' : DEMO_EXCHANGE_TITLE);
	await page.getByLabel('Dónde').selectOption({ label: scope });
	await page.getByRole('button', { name: 'Dar el rol y avisar por correo' }).click();
	await expect(page.getByRole('status')).toContainText('Rol otorgado');
	await page.context().close();
}

/**
 * Someone with an account asks for a sign-in link on /sign-in and follows it from the mail
 * (which, without SMTP, an organiser reads in the outbox). Returns the signed-in browser context.
 */
export async function signInByLink(browser: Browser, email: string): Promise<{ context: BrowserContext; status: number | undefined }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/sign-in');
	const linkForm = page.locator('section', { has: page.getByRole('heading', { name: 'Con un enlace por correo' }) });
	await linkForm.getByLabel('Correo electrónico').fill(email);
	await linkForm.getByRole('button', { name: 'Enviarme el enlace' }).click();
	await expect(page.getByRole('status')).toContainText('el enlace ya está en camino');
	const body = await mailFromOutbox(browser, email, /Tu enlace para entrar en Intercambio/);
	const link = /(http:\/\/\S+\/api\/auth\/magic-link\/verify\?\S+)/.exec(body)?.[1];
	expect(link, body).toBeTruthy();
	const response = await page.goto(link!);
	await page.close();
	return { context, status: response?.status() };
}

/** Date and minutes since midnight of an instant, on the wall clock of a zone. */
function wallClock(instant: Date, timeZone: string): { date: string; minutes: number } {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
			.formatToParts(instant)
			.map((p) => [p.type, p.value])
	);
	return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Registrants may say they are present this long before a session starts (attendance.ts). */
const CHECK_IN_EARLY_MINUTES = 15;

/**
 * A session that is on now, as the session form wants it (one date, start and end on the event's wall
 * clock, end after start — a session cannot cross midnight), whatever the hour the tests run at:
 * from an hour ago (or midnight) to the end of today; in the last quarter hour of a day, tomorrow from
 * midnight, whose check-in is already open. Either way it stays open for check-in at least 14 minutes,
 * and for hours at almost any time of day.
 */
export function sessionOnNow(now = new Date(), timeZone = EVENT_TIME_ZONE): { date: string; start: string; end: string } {
	const today = wallClock(now, timeZone);
	const lastMinute = 23 * 60 + 59;
	if (today.minutes < 24 * 60 - CHECK_IN_EARLY_MINUTES) {
		return { date: today.date, start: hhmm(Math.max(0, today.minutes - 60)), end: hhmm(lastMinute) };
	}
	const tomorrow = wallClock(new Date(now.getTime() + 60 * 60_000), timeZone);
	return { date: tomorrow.date, start: '00:00', end: '03:00' };
}

/** A day surely over on the event's wall clock, whatever the hour: the day before yesterday there. */
export function dayOver(now = new Date(), timeZone = EVENT_TIME_ZONE): string {
	return wallClock(new Date(now.getTime() - 2 * 86_400_000), timeZone).date;
}

/** A field of an HTML form as the page declares it: what a browser would post, and what it expects. */
export type FormField = {
	name: string;
	tag: 'input' | 'select' | 'textarea' | 'button';
	type: string;
	value: string;
	required: boolean;
	maxLength: number | null;
	checked: boolean;
	options: string[];
	selected: string | null;
};
export type PageForm = { action: string; method: string; enctype: string; fields: FormField[] };

/** The forms of a page's HTML, read by the browser itself (no script of the page runs). */
export async function formsOf(page: Page, html: string): Promise<PageForm[]> {
	await page.setContent(html.replace(/<script[\s\S]*?<\/script>/gi, ''), { waitUntil: 'domcontentloaded' });
	return page.$$eval('form', (forms) =>
		forms.map((form) => ({
			action: form.getAttribute('action') ?? '',
			method: (form.getAttribute('method') ?? 'get').toLowerCase(),
			enctype: (form.getAttribute('enctype') ?? 'application/x-www-form-urlencoded').toLowerCase(),
			fields: [...form.querySelectorAll('input[name], select[name], textarea[name], button[name]')]
				.filter((el) => !(el as HTMLInputElement).disabled)
				.map((el) => {
					const input = el as HTMLInputElement & HTMLSelectElement;
					const tag = el.tagName.toLowerCase() as FormField['tag'];
					const options = tag === 'select' ? [...input.options].map((o) => o.value) : [];
					const maxLength = el.getAttribute('maxlength');
					return {
						name: el.getAttribute('name')!,
						tag,
						type: tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : tag,
						value: tag === 'textarea' ? (el as HTMLTextAreaElement).value : (el.getAttribute('value') ?? ''),
						required: input.required,
						maxLength: maxLength ? Number(maxLength) : null,
						checked: input.checked,
						options,
						selected: tag === 'select' ? (input.value ?? null) : null
					};
				})
		}))
	) as Promise<PageForm[]>;
}

/**
 * How many rows an admin list holds (the outbox, the audit log: 50 a page, newest first), read as the
 * organiser: the pages the list's pagination line names, and the rows on its last page.
 */
export async function recordCount(request: { get: (url: string) => Promise<{ status(): number; text(): Promise<string> }> }, listPath: string): Promise<number> {
	const first = await request.get(listPath);
	if (first.status() !== 200) throw new Error(`${listPath} answered ${first.status()} to the organiser`);
	const html = await first.text();
	const rows = (text: string) => (/<tbody>([\s\S]*?)<\/tbody>/.exec(text)?.[1].match(/<tr[\s>]/g) ?? []).length;
	const status = /<nav[^>]*class="pagination"[\s\S]*?<span>([^<]*)<\/span>/.exec(html)?.[1];
	const pages = status ? Math.max(...(status.match(/\d+/g) ?? ['1']).map(Number)) : 1;
	if (pages <= 1) return rows(html);
	const last = await request.get(`${listPath}?page=${pages}`);
	return (pages - 1) * 50 + rows(await last.text());
}

/**
 * Removes a session a journey added to the demo exchange (through the confirmation page), so the
 * demo stays as it ships for the journeys after it; nothing happens when it is already gone.
 */
export async function removeSessionByTitle(browser: Browser, title: string): Promise<void> {
	const admin = await organiserPage(browser);
	await admin.goto('/admin');
	await demoEditLink(admin).click();
	const fieldset = admin.locator('#sessions > fieldset').filter({ has: admin.locator(`input[value="${title}"]`) });
	if ((await fieldset.count()) > 0) {
		await fieldset.first().getByRole('link', { name: 'Quitar esta sesión' }).click();
		await admin.getByRole('button', { name: 'Sí, quitar la sesión' }).click();
		await expect(admin.getByRole('status')).toHaveText('Cambios guardados.');
	}
	await admin.context().close();
}
