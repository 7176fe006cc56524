/** The dashboard's screens, each at its own address (`#/connect?client=cursor`), so reload and Back work. */
export const SCREENS = [
  { id: 'keys', label: 'Keys' },
  { id: 'connect', label: 'Connect' },
  { id: 'servers', label: 'Servers' },
  { id: 'folders', label: 'Folders' },
  { id: 'activity', label: 'Activity' },
  { id: 'settings', label: 'Settings' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

export interface Route {
  screen: ScreenId;
  /** Extra state in the address: the client and key Connect shows. */
  params: Record<string, string>;
}

/** The route a location hash names; anything unknown is the Keys screen. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const screen = SCREENS.find((s) => s.id === path)?.id ?? 'keys';
  return { screen, params: Object.fromEntries(new URLSearchParams(query)) };
}

export function routeHash(screen: ScreenId, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `#/${screen}${query === '' ? '' : `?${query}`}`;
}

/** Goes to a screen the way a link does: a new history entry, so Back returns. */
export function navigate(screen: ScreenId, params: Record<string, string> = {}): void {
  location.hash = routeHash(screen, params);
}

/** Changes the address without a new history entry (a picker on the same screen). */
export function replaceRoute(screen: ScreenId, params: Record<string, string> = {}): void {
  location.replace(routeHash(screen, params));
}
