import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { streamLogger } from '../../src-main/core/logger.ts';
import { startServer, type ServerDeps } from '../../src-main/core/server/start-server.ts';
import { resolveServerConfig } from '../../src-main/core/server/server-config.ts';

async function serverWith(deps: Partial<ServerDeps>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-folder-'));
  const config = resolveServerConfig({ port: '0', dataDir, secretStore: 'file' }, { MCP_API_KEYS: '' });
  const server = await startServer(config, {
    logger: streamLogger(() => {}),
    version: '0.0.0-test',
    ...deps,
  });
  return { server, dataDir };
}

test('Settings’ Open folder shows the data folder in the desktop app’s file manager', async () => {
  const opened: string[] = [];
  const { server, dataDir } = await serverWith({ openFolder: async (path) => void opened.push(path) });
  try {
    assert.deepEqual(await server.dashboard.handlers['app.openDataFolder']({}), {});
    assert.deepEqual(opened, [dataDir]);
  } finally {
    await server.close();
  }
});

test('a file manager that fails, or a headless server, says so with what to do instead', async () => {
  const failing = await serverWith({
    openFolder: async (path) => {
      throw new Error(`Could not open ${path}: no application knows this folder`);
    },
  });
  const headless = await serverWith({});
  try {
    await assert.rejects(failing.server.dashboard.handlers['app.openDataFolder']({}), /no application knows/);
    await assert.rejects(
      headless.server.dashboard.handlers['app.openDataFolder']({}),
      (error: Error & { code?: string }) =>
        error.code === 'desktop_only' && /copy the path and open it in your file manager/.test(error.message),
    );
  } finally {
    await failing.server.close();
    await headless.server.close();
  }
});
