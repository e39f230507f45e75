import type { Cookies } from '@sveltejs/kit';
import { isValidTimeZone } from '../../time.ts';

export const ZONE_COOKIE = 'tz';

/** The visitor's chosen or detected zone, when it is a real IANA zone. */
export function readViewerZone(cookies: Cookies): string | null {
	const zone = cookies.get(ZONE_COOKIE);
	return zone && isValidTimeZone(zone) ? zone : null;
}

export function writeViewerZone(cookies: Cookies, zone: string): void {
	cookies.set(ZONE_COOKIE, zone, { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: false, sameSite: 'lax' });
}
