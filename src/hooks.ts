import type { Reroute } from '@sveltejs/kit/hooks';
import { deLocalizeUrl } from '#lib/paraglide/runtime.js';

// A path SvelteKit cannot decode: it then answers 400 with the friendly error page (+error.svelte),
// through the server hooks (security headers, one log line at info level).
const MALFORMED = '/%';

/**
 * No page or API of the app needs a longer query (the search box takes 200 characters; every
 * facet of the repository chosen at once stays under 1,000): a longer one is a bad request,
 * refused before any search or parser spends work on it.
 */
export const MAX_QUERY_LENGTH = 2048;

// "/pt/events/x" and "/en/events/x" render the route "/events/x"; the locale comes from the URL.
// A NUL byte anywhere in the path or query (no route or database accepts one), or a URL the
// localiser cannot take apart (`//x/..`, which made reroute throw: a bare 500), is a bad request.
export const reroute: Reroute = ({ url }) => {
	if (/%00|\0/.test(url.pathname + url.search) || url.search.length > MAX_QUERY_LENGTH) return MALFORMED;
	try {
		return deLocalizeUrl(url).pathname;
	} catch {
		return MALFORMED;
	}
};
