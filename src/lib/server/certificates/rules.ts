// Codes people may read aloud or type from paper: no 0/O, 1/I/L.
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_SHAPE = /^[A-HJKMNP-Z2-9]{10}$/;

/** A registrant may download their attendee certificate once confirmed and present at one session at least. */
export function canDownloadCertificate(registration: { status: string }, attendedSessions: number): 'ok' | 'not_found' | 'not_eligible' {
	if (registration.status !== 'confirmed') return 'not_found';
	return attendedSessions > 0 ? 'ok' : 'not_eligible';
}

/** A certificate behind an organiser's link counts until it is revoked. */
export const isValidCertificate = (c: { revokedAt: Date | null }) => c.revokedAt === null;
