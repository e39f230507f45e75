import type { Reroute } from '@sveltejs/kit/hooks';
import { deLocalizeUrl } from '#lib/paraglide/runtime.js';

// "/pt/events/x" and "/en/events/x" render the route "/events/x"; the locale comes from the URL.
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
