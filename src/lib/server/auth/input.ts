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

const optionalId = v.pipe(
	v.optional(v.union([v.literal(''), v.pipe(v.string(), v.uuid())], 'invalid'), ''),
	v.transform((value) => (value === '' ? null : value.toLowerCase()))
);

/**
 * An organiser gives a person a role at one scope: the installation (administrator), a network
 * (networkId) or one exchange (eventId). The form sends the scope as one value,
 * `network:<id>` or `event:<id>` (or nothing for the installation); the fields may also come apart.
 */
export const roleGrantSchema = v.pipe(
	v.object({
		email,
		name: v.optional(oneLine(200), ''),
		role: v.picklist(ROLES, 'invalid'),
		scope: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.regex(/^(network|event):[0-9a-f-]{36}$/i, 'invalid'))], 'invalid'), ''),
		networkId: optionalId,
		eventId: optionalId
	}),
	v.transform(({ scope, ...rest }) => {
		if (!scope) return rest;
		const [kind, id] = scope.toLowerCase().split(':');
		return { ...rest, networkId: kind === 'network' ? id : null, eventId: kind === 'event' ? id : null };
	})
);
export type RoleGrantInput = v.InferOutput<typeof roleGrantSchema>;
