import { describe, expect, it } from 'vitest';
import { isPublicAuthEndpoint } from './auth-endpoints.ts';

describe("Better Auth's endpoints from outside", () => {
	it('reach only the link a sign-in mail carries', () => {
		expect(isPublicAuthEndpoint('GET', '/api/auth/magic-link/verify')).toBe(true);
		for (const [method, path] of [
			['POST', '/api/auth/update-user'],
			['POST', '/api/auth/sign-in/email'],
			['POST', '/api/auth/sign-in/magic-link'],
			['POST', '/api/auth/change-email'],
			['POST', '/api/auth/change-password'],
			['GET', '/api/auth/list-sessions'],
			['GET', '/api/auth/get-session'],
			['POST', '/api/auth/sign-out'],
			['POST', '/api/auth/magic-link/verify'],
			['GET', '/api/auth/magic-link/verify/'],
			['GET', '/api/auth/magic-link/%76erify'],
			['GET', '/api/auth//magic-link/verify']
		]) {
			expect(isPublicAuthEndpoint(method, path), `${method} ${path}`).toBe(false);
		}
	});
});
