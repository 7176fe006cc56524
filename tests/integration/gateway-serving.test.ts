import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as LegacyTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  EVERYTHING_UPSTREAM,
  FIXTURE_UPSTREAM,
  gatewayClient,
  rawRequest,
  servers,
  textOf,
  waitForServer,
  startGateway,
} from '../support/gateway-helpers.ts';
import { FULL_KEY, READ_ONLY_KEY, WHOAMI_KEY, type ServeProcess } from '../support/serve-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-gateway-'));
let serve: ServeProcess;

before(async () => {
  await servers(dataDir, ['add', 'everything', '--', ...EVERYTHING_UPSTREAM]);
  await servers(dataDir, [
    'add',
    'fixture',
    '--prefix',
    'fx',
    '--env',
    'GREETING=hello there',
    '--',
    ...FIXTURE_UPSTREAM,
  ]);
  serve = await startGateway({ dataDir, args: ['--secret-store', 'file'] });
  for (const name of ['everything', 'fixture'])
    await waitForServer(dataDir, name, (v) => v.state === 'running');
});
after(async () => {
  await serve.stop();
});

describe('the gateway serves the user’s own servers to clients of both eras', () => {
  for (const era of ['legacy', 'modern'] as const) {
    test(`${era}: namespaced tools, their calls, progress, resources and prompts`, async () => {
      const client = await gatewayClient(serve.url, FULL_KEY, era);
      try {
        const names = (await client.listTools()).tools.map((tool) => tool.name);
        for (const name of ['whoami', 'everything__echo', 'everything__get-sum', 'fx__repeat', 'fx__env'])
          assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
        assert.ok(!names.includes('echo') && !names.includes('repeat'), 'no tool loses its prefix');

        assert.equal(
          textOf(await client.callTool({ name: 'everything__echo', arguments: { message: 'hi' } })),
          'Echo: hi',
        );
        assert.equal(
          textOf(await client.callTool({ name: 'fx__env', arguments: { name: 'GREETING' } })),
          'hello there',
        );
        const sum = await client.callTool({ name: 'everything__get-sum', arguments: { a: 2, b: 3 } });
        assert.match(textOf(sum), /5/);
        const wrong = await client.callTool({ name: 'fx__repeat', arguments: { text: 42 } });
        assert.equal(wrong.isError, true, 'the upstream’s own refusal reaches the client as an error result');

        const progress: number[] = [];
        const slow = await client.callTool(
          { name: 'fx__slow', arguments: {} },
          { onprogress: (p) => progress.push(p.progress) },
        );
        assert.equal(textOf(slow), 'done slowly');
        assert.deepEqual(progress, [1, 2, 3], 'progress reaches the client');

        const uris = (await client.listResources()).resources.map((r) => r.uri);
        assert.ok(
          uris.includes('fixture://readme') && uris.some((u) => u.startsWith('demo://')),
          uris.join(', '),
        );
        const readme = await client.readResource({ uri: 'fixture://readme' });
        assert.equal((readme.contents[0] as { text: string }).text, 'fixture readme');
        const templated = await client.readResource({ uri: 'demo://resource/dynamic/text/7' });
        assert.match((templated.contents[0] as { text: string }).text, /Resource 7/);

        const prompts = (await client.listPrompts()).prompts.map((p) => p.name);
        assert.ok(
          prompts.includes('fx__greet') && prompts.includes('everything__args-prompt'),
          prompts.join(', '),
        );
        const greeting = await client.getPrompt({ name: 'fx__greet', arguments: { who: 'Ada' } });
        assert.equal((greeting.messages[0]?.content as { text: string }).text, 'Hello, Ada!');
      } finally {
        await client.close();
      }
    });
  }

  test('the earlier SDK generation (1.x) reaches the same tools, resources and prompts', async () => {
    const client = new LegacyClient({ name: 'gateway-sdk1', version: '1.0.0' });
    await client.connect(
      new LegacyTransport(new URL(serve.url), { requestInit: { headers: { 'X-API-Key': FULL_KEY } } }),
    );
    try {
      const names = (await client.listTools()).tools.map((tool) => tool.name);
      assert.ok(names.includes('everything__echo') && names.includes('fx__repeat'), names.join(', '));
      assert.equal(
        textOf(await client.callTool({ name: 'fx__repeat', arguments: { text: 'v1' } })),
        'repeated: v1',
      );
      assert.ok((await client.listPrompts()).prompts.some((p) => p.name === 'fx__greet'));
      const readme = await client.readResource({ uri: 'fixture://readme' });
      assert.equal((readme.contents[0] as { text: string }).text, 'fixture readme');
    } finally {
      await client.close();
    }
  });

  test('an upstream’s last progress before its answer is never lost, also with calls side by side', async () => {
    const progressOf = async (token: string) => {
      const res = await rawRequest(serve, 'tools/call', {
        name: 'fx__slow',
        arguments: {},
        _meta: { progressToken: token },
      });
      return [...(await res.text()).matchAll(/"progress":(\d+)/g)].map((m) => Number(m[1]));
    };
    const seen = await Promise.all(Array.from({ length: 40 }, (_, i) => progressOf(`side-by-side-${i}`)));
    assert.deepEqual(new Set(seen.map((steps) => steps.join(','))), new Set(['1,2,3']));
  });

  test('keys decide what reaches the servers: listing shows only what a key may use', async () => {
    const whoami = await gatewayClient(serve.url, WHOAMI_KEY, 'legacy');
    try {
      assert.deepEqual(
        (await whoami.listTools()).tools.map((t) => t.name),
        ['whoami'],
      );
      await assert.rejects(whoami.callTool({ name: 'everything__echo', arguments: { message: 'x' } }));
      const resources = await whoami.listResources().then(
        (r) => r.resources,
        () => [],
      );
      assert.deepEqual(resources, [], 'resources:list is needed to list resources');
    } finally {
      await whoami.close();
    }
    const readOnly = await gatewayClient(serve.url, READ_ONLY_KEY, 'modern');
    try {
      assert.deepEqual(
        (await readOnly.listTools()).tools,
        [],
        'tools:list alone calls nothing, so lists nothing',
      );
    } finally {
      await readOnly.close();
    }
  });

  test('the audit log names the server behind a gateway tool and the tool’s own name there', async () => {
    const client = await gatewayClient(serve.url, FULL_KEY, 'legacy');
    await client.callTool({ name: 'fx__repeat', arguments: { text: 'audited' } });
    await client.callTool({ name: 'whoami', arguments: {} });
    await client.close();
    const logs = join(dataDir, 'logs');
    const lines = readdirSync(logs)
      .filter((name) => name.endsWith('.jsonl'))
      .flatMap((name) => readFileSync(join(logs, name), 'utf8').trim().split('\n'))
      .map((line) => JSON.parse(line) as { tool: string | null; server?: string; upstreamTool?: string });
    const repeat = lines.findLast((line) => line.tool === 'fx__repeat');
    assert.deepEqual([repeat?.server, repeat?.upstreamTool], ['fixture', 'repeat']);
    const whoami = lines.findLast((line) => line.tool === 'whoami');
    assert.equal(whoami?.server, undefined, 'a built-in tool has no server');
  });

  test('servers list names each server’s process and what it offers', async () => {
    const listed = JSON.parse(await servers(dataDir, ['list', '--json'])) as {
      servers: { name: string; state: string; pid: number | null; tools: number; prompts: number }[];
    };
    const everything = listed.servers.find((s) => s.name === 'everything');
    assert.equal(everything?.state, 'running');
    assert.ok((everything?.pid ?? 0) > 0);
    assert.ok((everything?.tools ?? 0) >= 10 && (everything?.prompts ?? 0) >= 3, JSON.stringify(everything));
    assert.match(
      await servers(dataDir, ['list']),
      /^NAME\s+KIND\s+STATE.*\neverything\s+stdio\s+running\s+\d+/m,
    );
  });
});
