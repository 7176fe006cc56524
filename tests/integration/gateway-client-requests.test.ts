import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as LegacyTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import {
  EVERYTHING_UPSTREAM,
  FIXTURE_UPSTREAM,
  servers,
  textOf,
  waitForServer,
  startGateway,
} from '../support/gateway-helpers.ts';
import { FULL_KEY, type ServeProcess } from '../support/serve-process.ts';

// An upstream asks "its client" for sampling, elicitation and roots in the middle of a call; MCP Tray passes
// each request on to the client whose call it is, over whichever era that client speaks.
const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-client-requests-'));
let serve: ServeProcess;
/** A 2026-07-28 upstream over HTTP that asks with input_required (under its own key) instead of a request. */
let modernUpstream: ChildProcess;
const MODERN_UPSTREAM = join(import.meta.dirname, '..', 'support', 'conformance-mrtr-upstream.ts');

before(async () => {
  modernUpstream = spawn(process.execPath, [MODERN_UPSTREAM], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [url] = (await once(modernUpstream.stdout!, 'data')) as [Buffer];
  await servers(dataDir, ['add', 'everything', '--', ...EVERYTHING_UPSTREAM]);
  await servers(dataDir, ['add', 'fixture', '--prefix', 'fx', '--', ...FIXTURE_UPSTREAM]);
  await servers(dataDir, ['add', 'modern', '--url', url.toString().trim()]);
  serve = await startGateway({ dataDir, args: ['--secret-store', 'file'] });
  for (const name of ['everything', 'fixture', 'modern'])
    await waitForServer(dataDir, name, (v) => v.state === 'running');
});
after(async () => {
  await serve.stop();
  modernUpstream.kill();
});

const CAPABILITIES = { sampling: {}, elicitation: { form: {} }, roots: {} };
const ROOT = 'file:///home/someone/project';

/** What the client's person and model would answer. */
const answers = {
  sampling: (text: string) => ({
    role: 'assistant' as const,
    content: { type: 'text' as const, text: `model says: ${text}` },
    model: 'test-model',
  }),
  elicitation: { action: 'accept' as const, content: { name: 'Ada' } },
  roots: { roots: [{ uri: ROOT, name: 'project' }] },
};

function promptOf(params: { messages: { content: unknown }[] }): string {
  const content = params.messages[0]?.content as { text?: string } | undefined;
  return content?.text ?? '';
}

type Era = 'legacy' | 'modern';
interface Caller {
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>;
  close(): Promise<void>;
}

/** A client of today's SDK, of either era, that answers what it is asked (when it says it can). */
async function sdkClient(era: Era, answering: boolean): Promise<Caller> {
  const client = new Client(
    { name: `asked-${era}`, version: '1.0.0' },
    {
      capabilities: answering ? CAPABILITIES : {},
      versionNegotiation: { mode: era === 'modern' ? 'auto' : 'legacy' },
    },
  );
  if (answering) {
    client.setRequestHandler('sampling/createMessage', (request) =>
      answers.sampling(promptOf(request.params as never)),
    );
    client.setRequestHandler('elicitation/create', () => answers.elicitation);
    client.setRequestHandler('roots/list', () => answers.roots);
  }
  await client.connect(
    new StreamableHTTPClientTransport(new URL(serve.url), {
      requestInit: { headers: { 'X-API-Key': FULL_KEY } },
    }),
  );
  return client;
}

/** A client of the SDK's 1.x line (2025 era), as most clients in use are. */
async function olderSdkClient(): Promise<Caller> {
  const client = new LegacyClient({ name: 'asked-sdk1', version: '1.0.0' }, { capabilities: CAPABILITIES });
  client.setRequestHandler(CreateMessageRequestSchema, (request) =>
    answers.sampling(promptOf(request.params)),
  );
  client.setRequestHandler(ElicitRequestSchema, () => answers.elicitation);
  client.setRequestHandler(ListRootsRequestSchema, () => answers.roots);
  await client.connect(
    new LegacyTransport(new URL(serve.url), { requestInit: { headers: { 'X-API-Key': FULL_KEY } } }),
  );
  return client;
}

const clients: [string, () => Promise<Caller>][] = [
  ['2025 era (SDK 2)', () => sdkClient('legacy', true)],
  ['2026-07-28 era (SDK 2)', () => sdkClient('modern', true)],
  ['2025 era (SDK 1)', olderSdkClient],
];

describe('an upstream’s requests reach the client whose call it serves', () => {
  for (const [label, connect] of clients) {
    test(`${label}: sampling, elicitation and roots, asked mid-call`, async () => {
      const client = await connect();
      try {
        const sampled = textOf(
          await client.callTool({
            name: 'everything__trigger-sampling-request',
            arguments: { prompt: 'a haiku' },
          }),
        );
        assert.match(sampled, /model says: .*a haiku/);

        const elicited = textOf(
          await client.callTool({ name: 'everything__trigger-elicitation-request', arguments: {} }),
        );
        assert.match(elicited, /Name: Ada/);

        const roots = textOf(await client.callTool({ name: 'fx__ask_roots', arguments: {} }));
        assert.equal(roots, ROOT);

        // A 2026-07-28 upstream asks by answering input_required: its question reaches this client too.
        const greeted = textOf(
          await client.callTool({ name: 'modern__test_input_required_result_elicitation', arguments: {} }),
        );
        assert.equal(greeted, 'Hello, Ada!');
      } finally {
        await client.close();
      }
    });
  }

  for (const era of ['legacy', 'modern'] as const) {
    test(`${era}: a client that cannot answer gets an error result, and the server goes on serving`, async () => {
      const client = await sdkClient(era, false);
      try {
        const refused = (await client.callTool({
          name: 'everything__trigger-sampling-request',
          arguments: { prompt: 'x' },
        })) as { isError?: boolean };
        assert.equal(refused.isError, true, textOf(refused));
        if (era === 'modern') assert.match(textOf(refused), /did not declare sampling/);
        const roots = (await client.callTool({ name: 'fx__ask_roots', arguments: {} })) as {
          isError?: boolean;
        };
        assert.equal(roots.isError, true, textOf(roots));
        assert.equal(
          textOf(await client.callTool({ name: 'everything__echo', arguments: { message: 'still here' } })),
          'Echo: still here',
        );
      } finally {
        await client.close();
      }
    });
  }
});
