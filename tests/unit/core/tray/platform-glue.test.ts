import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  APP_CONTENT_SECURITY_POLICY,
  dashboardWindowOptions,
} from '../../../../src-main/app/window-options.ts';
import {
  autostartEntry,
  autostartPath,
  quoteExecArgument,
  setLinuxAutostart,
} from '../../../../src-main/core/tray/linux-autostart.ts';

describe('the dashboard window’s security settings', () => {
  test('isolated, sandboxed, no Node, no webviews, no insecure content', () => {
    const prefs = dashboardWindowOptions('/app/preload.cjs').webPreferences ?? {};
    assert.equal(prefs.preload, '/app/preload.cjs');
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.experimentalFeatures, false);
  });

  test('the CSP allows only the app’s own scripts and styles', () => {
    assert.match(APP_CONTENT_SECURITY_POLICY, /script-src 'self';/);
    assert.doesNotMatch(APP_CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|\*/);
  });
});

describe('launch at login on Linux (XDG autostart)', () => {
  test('the entry runs the app hidden; inside an AppImage it runs the AppImage file', () => {
    assert.match(
      autostartEntry({ executable: '/opt/MCP Tray/mcp-tray' }),
      /^Exec="\/opt\/MCP Tray\/mcp-tray" --hidden$/m,
    );
    const entry = autostartEntry({
      executable: '/tmp/.mount_abc/mcp-tray',
      appImage: '/home/ann/Apps/MCP-Tray.AppImage',
    });
    assert.match(entry, /^Exec=\/home\/ann\/Apps\/MCP-Tray\.AppImage --hidden$/m);
    assert.match(entry, /^\[Desktop Entry\]\nType=Application\nName=MCP Tray\n/);
  });

  test('Exec arguments are quoted per the spec', () => {
    assert.equal(quoteExecArgument('/usr/bin/app'), '/usr/bin/app');
    assert.equal(quoteExecArgument('/a b/$x"y'), '"/a b/\\$x\\"y"');
  });

  test('the file goes to $XDG_CONFIG_HOME/autostart, and is written and removed', async () => {
    assert.equal(autostartPath({ XDG_CONFIG_HOME: '/xdg' }, '/home/ann'), '/xdg/autostart/mcp-tray.desktop');
    assert.equal(autostartPath({}, '/home/ann'), '/home/ann/.config/autostart/mcp-tray.desktop');
    const path = join(mkdtempSync(join(tmpdir(), 'mcp-tray-autostart-')), 'autostart', 'mcp-tray.desktop');
    await setLinuxAutostart(true, { executable: '/usr/bin/mcp-tray' }, path);
    assert.match(readFileSync(path, 'utf8'), /Exec=\/usr\/bin\/mcp-tray --hidden/);
    assert.equal(statSync(path).mode & 0o777, 0o644);
    await setLinuxAutostart(false, { executable: '/usr/bin/mcp-tray' }, path);
    assert.equal(existsSync(path), false);
  });
});
