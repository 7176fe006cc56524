import type { DashboardClient } from '../../../src-shared/dashboard-contract.ts';
import { webClient } from './web-client.ts';

declare global {
  interface Window {
    /** Set by the Electron preload: exactly the contract, nothing else. */
    mcpTray?: DashboardClient;
  }
}

/** The renderer does not care which door it came through: the desktop app's preload, or the web. */
export function chooseClient(): { client: DashboardClient; door: 'desktop' | 'web' } {
  if (window.mcpTray !== undefined) return { client: window.mcpTray, door: 'desktop' };
  return { client: webClient(), door: 'web' };
}
