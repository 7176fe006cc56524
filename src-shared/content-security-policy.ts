/**
 * The Content-Security-Policy of the dashboard, in the desktop window and in the browser alike: only the
 * app's own scripts and styles, nothing inline, nothing remote, no framing.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
