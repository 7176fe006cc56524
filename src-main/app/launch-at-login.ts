import { app } from 'electron';
import { existsSync } from 'node:fs';
import { autostartPath, setLinuxAutostart } from '../core/tray/linux-autostart.ts';

/** Launch at login: the OS login items on macOS and Windows, an XDG autostart entry on Linux (AppImage-aware). */
export const launchAtLogin = {
  get(): boolean {
    if (process.platform === 'linux') return existsSync(autostartPath());
    return app.getLoginItemSettings().openAtLogin;
  },
  async set(enabled: boolean): Promise<void> {
    if (process.platform === 'linux') {
      const appImage = process.env['APPIMAGE'];
      await setLinuxAutostart(enabled, { executable: process.execPath, ...(appImage && { appImage }) });
      return;
    }
    app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] });
  },
};
