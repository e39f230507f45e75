// The header through which the app hands a request's client address to Better Auth (rate limits,
// the session's ipAddress). Only the app sets it, from the socket: server.js deletes any value a
// client sent before the app sees the request, and auth-api.ts sets it again for its own calls.
// Erasable TypeScript only: server.js imports this file as it is.
export const CLIENT_ADDRESS_HEADER = 'x-intercambio-client-address';

/** A request's headers for Better Auth: the client's own copy of our header dropped, ours set. */
export function headersForAuth(headers: Headers, clientAddress?: string): Headers {
	const out = new Headers(headers);
	out.delete(CLIENT_ADDRESS_HEADER);
	if (clientAddress) out.set(CLIENT_ADDRESS_HEADER, clientAddress);
	return out;
}
