import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { rawRequest } from '../support/raw-http.ts';
import { startServe, type ServeProcess } from '../support/serve-process.ts';

async function signIn(server: ServeProcess): Promise<string> {
  for (let i = 0; i < 100 && !/\/login\?token=/.test(server.stderr()); i += 1) await sleep(20);
  const url = new URL(/(http:\/\/\S+\/login\?token=\S+)/.exec(server.stderr())?.[1] ?? '');
  const res = await rawRequest(server.port, { path: `${url.pathname}${url.search}` });
  return String(res.headers['set-cookie']).split(';')[0] ?? '';
}

const status = (server: ServeProcess, cookie: string) =>
  rawRequest(server.port, {
    method: 'POST',
    path: '/api/invoke/server.status',
    headers: { cookie, 'x-mcp-tray-request': '1', 'content-type': 'application/json' },
    body: '{}',
  });

test('the session signing key is made once and kept in the secret store: sessions survive a restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-session-'));
  const first = await startServe({ dataDir, args: ['--secret-store', 'file'] });
  const cookie = await signIn(first);
  assert.equal((await status(first, cookie)).status, 200);
  await first.stop();

  const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as Record<string, string>;
  const jwk = JSON.parse(secrets['dashboard-session-key'] ?? '{}') as {
    kty?: string;
    crv?: string;
    d?: string;
  };
  assert.deepEqual([jwk.kty, jwk.crv, typeof jwk.d], ['EC', 'P-256', 'string']);

  const second = await startServe({ dataDir, args: ['--secret-store', 'file'] });
  try {
    assert.equal((await status(second, cookie)).status, 200);
  } finally {
    await second.stop();
  }
  // Another data folder means another key: the same cookie is refused there.
  const other = await startServe({ args: ['--secret-store', 'file'] });
  try {
    assert.equal((await status(other, cookie)).status, 401);
  } finally {
    await other.stop();
  }
});
