// The organisers' area is plain HTML forms too: nothing to hydrate, nothing lost while a page loads.
export const csr = false;
