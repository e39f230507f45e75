// Public pages are plain HTML: no framework JavaScript to download on a slow phone.
// The only script they load is static/viewer-zone.js (see the root layout).
export const csr = false;
