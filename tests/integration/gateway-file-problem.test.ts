import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Gateway } from '../../src-main/core/gateway/gateway.ts';
import { ServersFile } from '../../src-main/core/gateway/servers-file.ts';
import { serversHandlers } from '../../src-main/core/gateway/servers-handlers.ts';
import { FileSecretStore } from '../../src-main/core/keys/file-secret-store.ts';
import { streamLogger } from '../../src-main/core/logger.ts';

test('a servers.json that cannot be read is kept aside, and the dashboard says so with where it went', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-servers-problem-'));
  writeFileSync(join(dataDir, 'servers.json'), '{"version": 1, "servers": [{"name": ');
  const warnings: string[] = [];
  const secrets = new FileSecretStore(dataDir);
  const gateway = new Gateway({
    dataDir,
    secrets,
    version: '0.0.0-test',
    logger: streamLogger((line) => warnings.push(line)),
    now: Date.now,
    taken: () => new Set(),
  });
  await gateway.start();
  try {
    const handlers = serversHandlers({
      dataDir,
      file: new ServersFile(dataDir),
      secrets,
      gateway,
      place: (file) => ({ file, platform: 'linux', home: dataDir, env: {}, cwd: dataDir }),
      now: Date.now,
    });
    const view = await handlers['servers.list']({});
    assert.deepEqual(view.servers, []);
    assert.match(view.problem ?? '', /servers\.json could not be read .*kept as .*servers\.json\.corrupt-/);
    assert.ok(readdirSync(dataDir).some((name) => name.startsWith('servers.json.corrupt-')));
    assert.ok(warnings.some((line) => /no servers are served from it/.test(line)));
  } finally {
    await gateway.close();
  }
});
