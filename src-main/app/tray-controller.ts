import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { trayIconFile } from '../core/tray/icon-files.ts';
import type { TrayAction, TrayMenuItem, TrayModel } from '../core/tray/tray-model.ts';

function menuItems(items: TrayMenuItem[], run: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { type: 'separator' };
    if (item.type === 'submenu') return { label: item.label, submenu: menuItems(item.items, run) };
    if (item.type === 'checkbox')
      return { type: 'checkbox', label: item.label, checked: item.checked, click: () => run(item.action) };
    const action = item.action;
    return { label: item.label, enabled: item.enabled, ...(action && { click: () => run(action) }) };
  });
}

/** Renders the tray model: icon for the state, tooltip, menu. Decisions live in core/tray/tray-model.ts. */
export function trayController(iconDir: string, run: (action: TrayAction) => void) {
  let tray: Tray | undefined;
  let shownIcon = '';
  return {
    render(model: TrayModel) {
      const icon = join(iconDir, trayIconFile(model.icon, process.platform));
      if (tray === undefined) tray = new Tray(nativeImage.createFromPath(icon));
      else if (icon !== shownIcon) tray.setImage(nativeImage.createFromPath(icon));
      shownIcon = icon;
      tray.setToolTip(model.tooltip);
      tray.setContextMenu(Menu.buildFromTemplate(menuItems(model.menu, run)));
    },
    destroy: () => tray?.destroy(),
  };
}
