import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { UpstreamView } from '../../src-shared/gateway-view.ts';
import { Gateway } from '../../src-main/core/gateway/gateway.ts';
import { FileSecretStore } from '../../src-main/core/keys/file-secret-store.ts';
import { streamLogger } from '../../src-main/core/logger.ts';
import { servers } from '../support/gateway-helpers.ts';
import { freePort, SECOND_FULL_KEY, startServe } from '../support/serve-process.ts';

async function until(gateway: Gateway, ready: (view: UpstreamView) => boolean): Promise<UpstreamView> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const view = gateway.views()[0];
    if (view !== undefined && ready(view)) return view;
    if (Date.now() > deadline) assert.fail(`never got there: ${JSON.stringify(view)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a remote server that stops answering is noticed by its ping, shown, and reached again once it is back', async () => {
  const port = await freePort();
  const remoteDir = mkdtempSync(join(tmpdir(), 'mcp-tray-remote-health-'));
  let remote = await startServe({
    dataDir: remoteDir,
    args: ['--port', String(port), '--secret-store', 'file'],
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-gateway-health-'));
  await servers(dataDir, [
    'add',
    'far',
    '--url',
    remote.url,
    '--secret-header',
    `X-API-Key: ${SECOND_FULL_KEY}`,
    '--secret-store',
    'file',
  ]);
  const gateway = new Gateway({
    dataDir,
    secrets: new FileSecretStore(dataDir),
    version: '0.0.0-test',
    logger: streamLogger(() => {}),
    now: Date.now,
    taken: () => new Set(),
    pingEveryMs: 200,
  });
  try {
    await gateway.start();
    gateway.wake();
    await until(gateway, (v) => v.state === 'running' && v.tools > 0);
    assert.ok(gateway.tools().some((tool) => tool.name === 'far__whoami'));
    await remote.stop();
    const down = await until(gateway, (v) => v.state !== 'running');
    assert.match(down.lastError ?? '', /stopped answering|could not be started|connection closed/);
    assert.equal(gateway.tools().length, 0, 'a server that does not answer offers nothing');
    remote = await startServe({
      dataDir: remoteDir,
      args: ['--port', String(port), '--secret-store', 'file'],
    });
    const back = await until(gateway, (v) => v.state === 'running');
    assert.ok(back.restarts >= 1);
    assert.ok(gateway.tools().some((tool) => tool.name === 'far__whoami'));
  } finally {
    await gateway.close();
    await remote.stop();
  }
});
