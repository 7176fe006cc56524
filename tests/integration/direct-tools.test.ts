import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { rawRequest, rpcPayload, type RawResponse } from '../support/raw-http.ts';
import { FULL_KEY, runCli, startServe, WHOAMI_KEY, type ServeProcess } from '../support/serve-process.ts';

// Plain tools/call and tools/list of the built-in and folder tools are answered without the SDK's
// dispatch (src-main/core/mcp/direct-tools.ts). The same request with a progress token goes through the
// SDK (and, on 2026-07-28, with its Mcp-Name header in Base64, through the SDK's per-request handler):
// every way must give the same answer, byte for byte, status and content type too.
let serve: ServeProcess;

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'direct-tools-test', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};
type Way = 'direct' | 'sdk' | 'per-request';
type Era = 'legacy' | 'modern';

interface Case {
  what: string;
  method: 'tools/call' | 'tools/list';
  params: Record<string, unknown>;
}

const encoded = (value: string) => `=?base64?${Buffer.from(value, 'utf8').toString('base64')}?=`;

function send(era: Era, way: Way, { method, params }: Case, id: number | string, key = FULL_KEY) {
  const meta = {
    ...(era === 'modern' && ENVELOPE),
    ...(way === 'sdk' && { progressToken: 'p1' }),
  };
  const name = typeof params['name'] === 'string' ? params['name'] : undefined;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'x-api-key': key,
    'mcp-protocol-version': era === 'modern' ? '2026-07-28' : '2025-11-25',
    ...(era === 'modern' && { 'mcp-method': method }),
    ...(era === 'modern' &&
      name !== undefined && { 'mcp-name': way === 'per-request' ? encoded(name) : name }),
  };
  const withMeta = Object.keys(meta).length > 0 ? { ...params, _meta: meta } : params;
  return rawRequest(serve.port, {
    method: 'POST',
    path: '/mcp',
    headers,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id,
      method,
      ...(Object.keys(withMeta).length > 0 && { params: withMeta }),
    }),
  });
}

const call = (what: string, name: string, args?: unknown): Case => ({
  what,
  method: 'tools/call',
  params: { name, ...(args !== undefined && { arguments: args }) },
});

const CASES: Case[] = [
  call('whoami', 'whoami', {}),
  call('whoami with no arguments at all', 'whoami'),
  call('whoami with arguments it does not take', 'whoami', { extra: 1 }),
  call('a search that finds a file', 'search', { query: 'tomatoes' }),
  call('a search with an empty query (refused arguments: an error result)', 'search', { query: '' }),
  call('a fetch of an id that is no file', 'fetch', { id: 'docs:nothing-here.md' }),
  { what: 'the tool list', method: 'tools/list', params: {} },
];

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-direct-data-'));
  const folder = mkdtempSync(join(tmpdir(), 'mcp-tray-direct-folder-'));
  mkdirSync(join(folder, 'notes'));
  writeFileSync(join(folder, 'notes', 'garden.md'), '# Garden\n\nTomatoes go in the south bed.\n');
  const added = await runCli(['folders', 'add', folder, '--name', 'docs', '--data-dir', dataDir]);
  assert.equal(added.code, 0, added.stderr);
  serve = await startServe({ dataDir });
  const deadline = Date.now() + 15_000;
  while (!(await send('legacy', 'direct', CASES[3]!, 1)).body.includes('garden.md')) {
    assert.ok(Date.now() < deadline, 'the folder was indexed within 15 s');
    await sleep(100);
  }
});
after(() => serve?.stop());

const shape = (res: RawResponse) => ({
  status: res.status,
  contentType: res.headers['content-type'],
  body: res.body,
});

for (const era of ['legacy', 'modern'] as const) {
  describe(`${era === 'legacy' ? '2025-11-25' : '2026-07-28'} requests the SDK's dispatch is spared`, () => {
    for (const item of CASES) {
      test(`${item.what}: the same answer, to the byte, as through the SDK`, async () => {
        const perRequest = era === 'modern' && item.method === 'tools/call';
        const ways: Way[] = perRequest ? ['direct', 'sdk', 'per-request'] : ['direct', 'sdk'];
        const [direct, sdk, handler] = await Promise.all(ways.map((way) => send(era, way, item, 'id-7')));
        assert.equal(direct!.status, 200, direct!.body);
        assert.ok(rpcPayload(direct!.body).result, direct!.body);
        assert.deepEqual(shape(direct!), shape(sdk!));
        // The SDK's per-request handler says application/json without a charset; the body is the same.
        if (handler !== undefined)
          assert.deepEqual([direct!.status, direct!.body], [handler.status, handler.body]);
      });
    }

    test('an integer id comes back as it was sent, and a key sees only its own tools', async () => {
      const list = CASES.at(-1)!;
      const [mine, narrow] = await Promise.all([
        send(era, 'direct', list, 41),
        send(era, 'direct', list, 42, WHOAMI_KEY),
      ]);
      const names = (res: RawResponse) =>
        (rpcPayload(res.body).result?.['tools'] as { name: string }[]).map((tool) => tool.name).sort();
      assert.equal((JSON.parse(mine.body) as { id: unknown }).id, 41);
      assert.deepEqual(names(mine), ['fetch', 'search', 'server_status', 'whoami']);
      assert.deepEqual(names(narrow), ['whoami']);
    });
  });
}
