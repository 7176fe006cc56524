import type { Settings } from '../core/settings/settings-file.ts';

/**
 * The dashboard opens by itself on the first run only; later runs start quietly in the tray (as does
 * `--hidden`, which launch at login passes).
 */
export async function setupFirstRun(deps: {
  settings: Settings;
  argv: readonly string[];
  showWindow: () => void;
  markWelcomed: () => Promise<unknown>;
}): Promise<boolean> {
  if (deps.settings.welcomed || deps.argv.includes('--hidden')) return false;
  deps.showWindow();
  await deps.markWelcomed().catch(() => {});
  return true;
}
