// A plain HTML form: no framework JavaScript needed to sign in.
export const csr = false;
