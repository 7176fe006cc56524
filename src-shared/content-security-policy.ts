/** Where signed-in people's pictures come from: GitHub's avatar host and Google's profile-photo hosts. */
const AVATAR_HOSTS = [
  'https://avatars.githubusercontent.com',
  ...[3, 4, 5, 6].map((n) => `https://lh${n}.googleusercontent.com`),
].join(' ');

/**
 * The Content-Security-Policy of the dashboard, in the desktop window and in the browser alike: only the
 * app's own scripts and styles, nothing inline, no framing; remote images only from the avatar hosts.
 */
export const CONTENT_SECURITY_POLICY =
  `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: ${AVATAR_HOSTS}; ` +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
  "frame-ancestors 'none'";
