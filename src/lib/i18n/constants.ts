/** How long a sign-in link lasts; shared by the auth setup and the pages that mention it. */
export const MAGIC_LINK_MINUTES = 15;
