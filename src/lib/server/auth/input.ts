import * as v from 'valibot';
import { ROLES } from './schema.ts';
import { oneLine } from '../validation.ts';
import { emailSchema } from '../email.ts';

const email = emailSchema;

export const passwordSignInSchema = v.object({
	email,
	password: v.pipe(v.string('required'), v.minLength(1, 'required'), v.maxLength(128, 'too_long'))
});

export const magicLinkSchema = v.object({ email });

export const newPasswordSchema = v.object({
	newPassword: v.pipe(v.string('required'), v.minLength(12, 'password_short'), v.maxLength(128, 'too_long'))
});

/** An organiser gives a person a role, installation-wide (no event) or for one event. */
export const roleGrantSchema = v.object({
	email,
	name: v.optional(oneLine(200), ''),
	role: v.picklist(ROLES, 'invalid'),
	eventId: v.pipe(
		v.optional(v.union([v.literal(''), v.pipe(v.string(), v.uuid())], 'invalid'), ''),
		v.transform((value) => (value === '' ? null : value.toLowerCase()))
	)
});
export type RoleGrantInput = v.InferOutput<typeof roleGrantSchema>;
