import { domainToASCII } from 'node:url';
import * as v from 'valibot';

/**
 * One email address rule for the whole app (registration, a practice's contact, people, sign-in).
 *
 * A domain may be written in its own script (`ana@münchen.de`) or in its ASCII form
 * (`ana@xn--mnchen-3ya.de`): both are one address. The address is kept lower-case with the
 * domain in its ASCII form, so the two spellings are the same person for uniqueness and for the
 * mail caps, and every mail server can deliver to it (browsers send `type=email` that way too).
 * The part before the @ must be ASCII: accented letters there need every relay on the way to
 * speak SMTPUTF8, which ours cannot promise — the person is told so instead of never getting mail.
 */

/** The address in its stored form, or the reason it is refused ('email', 'email_local_ascii'). */
export function normaliseEmail(raw: string): { ok: true; email: string } | { ok: false; reason: 'email' | 'email_local_ascii' } {
	const at = raw.lastIndexOf('@');
	if (at <= 0 || at === raw.length - 1) return { ok: false, reason: 'email' };
	const local = raw.slice(0, at);
	const domain = raw.slice(at + 1);
	// eslint-disable-next-line no-control-regex
	if (/[^\x00-\x7f]/.test(local)) return { ok: false, reason: 'email_local_ascii' };
	// UTS #46 mapping: lower-cases, maps full-width dots, punycodes each label; '' when invalid.
	const ascii = domainToASCII(domain.normalize('NFC'));
	if (!ascii) return { ok: false, reason: 'email' };
	if (local.length > 64 || !LOCAL.test(local) || ascii.length > 253) return { ok: false, reason: 'email' };
	const labels = ascii.split('.');
	if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(labels[labels.length - 1])) return { ok: false, reason: 'email' };
	return { ok: true, email: `${local.toLowerCase()}@${ascii}` };
}

// RFC 5322 dot-atoms before the @ (no quoted strings); host names after it, punycode labels included.
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** The valibot schema every form uses: trims, refuses with a message key, outputs the stored form. */
export const emailSchema = v.pipe(
	v.string('required'),
	v.trim(),
	v.minLength(1, 'required'),
	v.maxLength(254, 'too_long'),
	v.rawTransform(({ dataset, addIssue, NEVER }) => {
		const result = normaliseEmail(dataset.value);
		if (result.ok) return result.email;
		addIssue({ message: result.reason });
		return NEVER;
	})
);
