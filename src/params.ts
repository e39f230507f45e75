import { defineParams } from '@sveltejs/kit/params';

// Ids and slugs in paths are checked by the router: a malformed one is a 404 before any code runs,
// so it can never reach PostgreSQL as an invalid uuid (a 500).
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const params = defineParams({
	uuid: (param) => (UUID.test(param) ? param.toLowerCase() : undefined),
	slug: (param) => (param.length <= 200 && SLUG.test(param) ? param : undefined)
});
