import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { _electron as electron } from 'playwright-core';

// Smoke tests of the real desktop app. They need the Electron binary, which the release workflow has on
// macOS, Windows and Ubuntu; where it is absent (as on the development machine) they are skipped, with the
// reason, and not counted as passed.
const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const binaryMissing = existsSync(join(electronDir, 'path.txt'))
  ? undefined
  : 'the Electron binary is not installed here (node_modules/electron/path.txt is absent)';
const root = join(import.meta.dirname, '..', '..');

describe('the desktop app', () => {
  test(
    'launches, opens the dashboard on first run, and its server answers /healthz',
    { skip: binaryMissing },
    async () => {
      const userData = mkdtempSync(join(tmpdir(), 'mcp-tray-electron-'));
      const app = await electron.launch({
        args: [root, `--user-data-dir=${userData}`],
        env: { ...process.env, MCP_TRAY_DATA_DIR: userData, MCP_PORT: '0' },
      });
      try {
        const window = await app.firstWindow();
        await window.getByText('MCP Tray').first().waitFor();
        const hasTray = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length > 0);
        assert.ok(hasTray);
        const url = await window.locator('.url code').textContent();
        assert.match(url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
        const res = await fetch(new URL('/healthz', url ?? ''));
        assert.deepEqual(await res.json(), { ok: true });
      } finally {
        await app.close();
      }
    },
  );
});
