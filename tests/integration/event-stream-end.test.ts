import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import express from 'express';
import { DashboardEvents } from '../../src-main/core/dashboard/dashboard-events.ts';
import type { ContractHandlers } from '../../src-main/core/dashboard/dashboard-handlers.ts';
import { LoginTokens } from '../../src-main/core/sessions/login-tokens.ts';
import { SessionSigner } from '../../src-main/core/sessions/session-signer.ts';
import { SignedOutSessions } from '../../src-main/core/sessions/signed-out-sessions.ts';
import { SESSION_COOKIE, webDashboard } from '../../src-main/core/dashboard/web-dashboard.ts';
import { FileSecretStore } from '../../src-main/core/keys/file-secret-store.ts';
import { streamLogger } from '../../src-main/core/logger.ts';

/**
 * The web door's event stream, over a real socket, when its session ends and several events then come in the
 * same tick: the stream ends once, and the server goes on (writing to an ended stream would be an error).
 */
test('events in one tick after a session ended: the stream ends once, the server keeps serving', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-stream-'));
  const signedOut = await SignedOutSessions.load(dir, Date.now);
  const sessions = await SessionSigner.load(
    new FileSecretStore(dir),
    streamLogger(() => {}),
    { signedOut },
  );
  const events = new DashboardEvents();
  const errors: Error[] = [];
  const web = webDashboard({
    // Only /api/events and /api/session are used here; no contract call is made.
    handlers: {} as ContractHandlers,
    events,
    tokens: new LoginTokens(dir),
    sessions,
    signInHelp: () => ({ command: 'mcp-tray dashboard', dataFolder: 'unused' }),
    rendererDir: dir,
    onError: (error) => errors.push(error),
  });
  const app = express().use(web.router);
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const ending = await sessions.issue('local-owner');
    const staying = await sessions.issue('local-owner');
    const stream = await fetch(`${origin}/api/events`, {
      headers: { cookie: `${SESSION_COOKIE}=${ending}` },
    });
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // ": connected"
    const claims = await sessions.verify(ending);
    assert.ok(claims);
    await signedOut.endSession(claims);
    const serverErrors: Error[] = [];
    server.on('clientError', (error: Error) => serverErrors.push(error));
    process.once('uncaughtException', (error) => serverErrors.push(error));
    events.emit('keys.changed', {});
    events.emit('keys.changed', {});
    events.emit('server.status', {
      state: 'paused',
      mcpUrl: '',
      uptimeSeconds: 0,
      storedKeys: { available: true },
    });
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(text.match(/event: /g)?.length, 1, 'one bare cue, nothing after');
    assert.doesNotMatch(text, /keys\.changed|paused/);
    assert.deepEqual([...serverErrors, ...errors], []);
    const still = await fetch(`${origin}/api/session`, {
      headers: { cookie: `${SESSION_COOKIE}=${staying}` },
    });
    assert.equal(still.status, 200, 'the server still serves the other session');
  } finally {
    web.closeStreams();
    server.close();
  }
});
