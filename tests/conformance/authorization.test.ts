import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { followAuthorization, register } from '../support/oauth-flow.ts';
import { FULL_KEY, freePort, startServe, type ServeProcess } from '../support/serve-process.ts';
import { CONFORMANCE_SUITE, type Check } from './conformance-results.ts';

// The official suite's authorization-server scenarios against MCP Tray's authorization server, at
// `serve --public-url http://localhost:<port>`: its metadata document, and a whole authorization code
// grant, with the consent page answered as a person would (a pasted key) when the suite prints the URL.

let serve: ServeProcess;
let issuer = '';
const results = new Map<string, Check[]>();
let log = '';

before(async () => {
  const port = await freePort();
  issuer = `http://localhost:${port}`;
  serve = await startServe({ args: ['--port', String(port), '--public-url', issuer] });
  const callbackPort = await freePort();
  const redirect = `http://127.0.0.1:${callbackPort}/callback`;
  const { client } = await register(issuer, { redirect_uris: [redirect] });
  const outputDir = mkdtempSync(join(tmpdir(), 'mcp-tray-conformance-auth-'));
  const child = spawn(process.execPath, [
    CONFORMANCE_SUITE,
    'authorization',
    '--url',
    issuer,
    '--client-id',
    client.client_id,
    '--resource',
    `${issuer}/mcp`,
    '--port',
    String(callbackPort),
    '-o',
    outputDir,
  ]);
  let answered: Promise<unknown> | undefined;
  const onOutput = (chunk: Buffer) => {
    log += chunk.toString();
    const url = /^(http:\/\/localhost:\d+\/authorize\?\S+)$/m.exec(log)?.[1];
    if (url !== undefined && answered === undefined) {
      // The suite waits for its callback: walk the consent, then deliver the redirect to its server.
      answered = followAuthorization(url, { key: FULL_KEY, redirectUri: redirect }).then((back) =>
        fetch(back),
      );
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  await once(child, 'exit');
  await answered;
  for (const entry of readdirSync(outputDir)) {
    const scenario = entry.replace(/^authorization-server-/, '').replace(/-\d{4}-\d\d-\d\dT[\d-]+Z$/, '');
    results.set(scenario, JSON.parse(readFileSync(join(outputDir, entry, 'checks.json'), 'utf8')) as Check[]);
  }
});
after(async () => {
  await serve.stop();
});

describe('official MCP conformance suite, authorization server scenarios', () => {
  for (const scenario of ['authorization-server-metadata-endpoint', 'authorization-code-grant']) {
    test(scenario, () => {
      const checks = results.get(scenario);
      assert.ok(
        checks !== undefined && checks.length > 0,
        `no results for ${scenario}:\n${log.slice(-3000)}`,
      );
      const notPassed = checks.filter((check) => check.status !== 'SUCCESS');
      assert.deepEqual(notPassed, [], log.slice(-3000));
    });
  }
});
