import * as v from 'valibot';

const email = v.pipe(v.string('required'), v.trim(), v.toLowerCase(), v.minLength(1, 'required'), v.maxLength(254, 'too_long'), v.email('email'));

export const passwordSignInSchema = v.object({
	email,
	password: v.pipe(v.string('required'), v.minLength(1, 'required'), v.maxLength(128, 'too_long'))
});

export const magicLinkSchema = v.object({ email });

export const newPasswordSchema = v.object({
	newPassword: v.pipe(v.string('required'), v.minLength(12, 'password_short'), v.maxLength(128, 'too_long'))
});
