/**
 * Whether an IPC call comes from our own page: the frame's URL must be the app's (file:// page, or the dev
 * server) and nothing else, so a navigated or injected frame cannot drive the dashboard.
 */
export function isTrustedSender(frameUrl: string | undefined, appUrl: string): boolean {
  if (frameUrl === undefined || frameUrl === '') return false;
  try {
    const frame = new URL(frameUrl);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return frame.protocol === 'file:' && frame.pathname === app.pathname;
    return frame.origin === app.origin;
  } catch {
    return false;
  }
}
