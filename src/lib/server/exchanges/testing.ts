// Factories for tests of an exchange's life: a new exchange made through the verbs an organiser
// uses (createEvent, the texts, an axis, the privacy text), with sessions at instants relative to now.
import type { Db } from '../db/client.ts';
import type { Locale } from '../../i18n/localized.ts';
import { addAxis, createEvent, updateAxis, updateEventTexts } from '../events/index.ts';
import { updateRegistrationSettings } from '../registrations/index.ts';
import { anOrganiser, testCtx, unique } from '../testing/factories.ts';

const HOUR = 3_600_000;
export const hoursFrom = (now: Date, hours: number) => new Date(now.getTime() + hours * HOUR);

/** Texts in one language, as an organiser writes them. */
export const textsIn = (locale: Locale) => ({
	locale,
	title: `Intercambio ${locale}`,
	summary: `Resumen ${locale}`,
	background: `Antecedentes ${locale}`,
	objective: `Objetivo ${locale}`,
	format: `Formato ${locale}`
});

/** A session's instants, as a pair of hours from now. */
export type SessionHours = [start: number, end: number];

/**
 * A draft exchange in a network. `complete` writes everything the checklist asks for in each
 * language (texts, one named axis, the privacy text); sessions are rows at the given hours from `now`.
 */
export async function anExchange(
	db: Db,
	{
		networkId,
		now = new Date(),
		languages = ['es', 'pt'],
		complete = true,
		sessions = [[24 * 7, 24 * 7 + 2]],
		addSessionRows
	}: {
		networkId: string;
		now?: Date;
		languages?: Locale[];
		complete?: boolean;
		sessions?: SessionHours[];
		addSessionRows: (eventId: string, sessions: SessionHours[], now: Date) => Promise<string[]>;
	}
): Promise<{ id: string; slug: string; axisId: string | null; sessionIds: string[] }> {
	const ctx = testCtx(db, anOrganiser());
	const created = await createEvent({ ctx, input: { networkId, unitId: null, slug: `intercambio-${unique()}`, title: 'Intercambio es', timeZone: 'UTC', languages } });
	let axisId: string | null = null;
	if (complete) {
		for (const l of languages) {
			await updateEventTexts({ ctx, eventId: created.id, input: textsIn(l) as never });
			await updateRegistrationSettings({
				ctx,
				eventId: created.id,
				input: { locale: l, opensAt: '', closesAt: '', privacyText: `Privacidad ${l}`, holdHours: '', reminders: '' }
			});
		}
		axisId = await addAxis({ ctx, eventId: created.id, input: { locale: 'es', name: 'Movilidad', description: '', conclusions: '', moderator: '' } });
		for (const l of languages.filter((x) => x !== 'es')) {
			await updateAxis({ ctx, eventId: created.id, axisId, input: { locale: l, name: `Movilidad ${l}`, description: '', conclusions: '', moderator: '' } });
		}
	}
	// Exact instants relative to now (a session across midnight included): written by the caller's test, as rows.
	const sessionIds = await addSessionRows(created.id, sessions, now);
	return { ...created, axisId, sessionIds };
}
