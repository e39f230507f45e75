import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { emailSchema } from './email.ts';

const parse = (s: string) => {
	const r = v.safeParse(emailSchema, s);
	return r.success ? r.output : `refused: ${r.issues[0].message}`;
};

describe('email addresses', () => {
	it('accepts a domain in its own script and in its ASCII form, as one address', () => {
		expect(parse('ana@münchen.de')).toBe('ana@xn--mnchen-3ya.de');
		expect(parse('Ana@XN--MNCHEN-3YA.DE')).toBe('ana@xn--mnchen-3ya.de');
		expect(parse('ana@MÜNCHEN.de')).toBe('ana@xn--mnchen-3ya.de');
		expect(parse('ana@correo.españa.es')).toBe('ana@correo.xn--espaa-rta.es');
		expect(parse('ana@münchen。de')).toBe('ana@xn--mnchen-3ya.de');
		expect(parse('ana@пример.рф')).toBe('ana@xn--e1afmkfd.xn--p1ai');
		expect(parse("o'brien+x@example.org")).toBe("o'brien+x@example.org");
		expect(parse(' Ana@Example.org ')).toBe('ana@example.org');
	});

	it('refuses what no mail server can take, with a reason', () => {
		expect(parse('josé@correo.españa.es')).toBe('refused: email_local_ascii');
		for (const bad of ['bad@', '@x.org', 'a@b', 'a b@x.org', 'ana', 'ana@exa mple.org', 'a@@b.org', 'a..b@x.org', 'ana@-x.org', 'ana@x.org\r\nBcc: y@z.org']) expect(parse(bad)).toMatch(/^refused: email$/);
		expect(parse('')).toBe('refused: required');
		expect(parse(`${'a'.repeat(250)}@x.org`)).toBe('refused: too_long');
	});
});
