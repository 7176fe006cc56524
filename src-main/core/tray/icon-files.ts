/** Every icon file the app ships, by name under assets/icons/ (made by scripts/make-icons.ts; a test checks the set). */
export const TRAY_STATES = ['running', 'stopped', 'error', 'busy'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

export const TRAY_PNG_SIZES = [16, 24, 32, 48] as const;
export const TRAY_ICO_SIZES = [16, 24, 32, 48] as const;
export const APP_PNG_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
export const APP_ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
export const APP_ICNS_SIZES = [32, 64, 128, 256, 512, 1024] as const;

export const trayFiles = (state: TrayState) => ({
  macTemplate: `tray/${state}Template.png`,
  macTemplate2x: `tray/${state}Template@2x.png`,
  windows: `tray/${state}.ico`,
  linux: TRAY_PNG_SIZES.map((size) => `tray/${state}-${size}.png`),
});

export const APP_FILES = {
  icns: 'app.icns',
  ico: 'app.ico',
  png: APP_PNG_SIZES.map((size) => `png/${size}x${size}.png`),
};

/** The tray icon file for a state on an OS (macOS finds the @2x file beside the template by itself). */
export function trayIconFile(state: TrayState, platform: NodeJS.Platform): string {
  const files = trayFiles(state);
  if (platform === 'darwin') return files.macTemplate;
  if (platform === 'win32') return files.windows;
  return `tray/${state}-24.png`;
}
