/** Headers every response carries (pages also get SvelteKit's CSP, by hashes). */
export function applySecurityHeaders(headers: Headers): void {
	// A page may ask for less (private draft pages send a referrer only to this site: with none
	// at all, browsers send "Origin: null" and the form posts would be refused).
	if (!headers.has('referrer-policy')) headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	headers.set('x-content-type-options', 'nosniff');
	headers.set('x-frame-options', 'DENY');
	headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	// Files and JSON have no CSP from SvelteKit: give them a closed one.
	if (!headers.has('content-security-policy')) headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
}
