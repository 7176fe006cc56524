import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTrustedSender } from '../../../src-main/app/trusted-sender.ts';

test('only our own page may call the dashboard over IPC', () => {
  const app = 'file:///Applications/MCP%20Tray.app/Contents/Resources/app.asar/dist/renderer/index.html';
  assert.ok(isTrustedSender(app, app));
  assert.ok(isTrustedSender(`${app}#/keys`, app));
  assert.ok(!isTrustedSender('file:///tmp/evil.html', app));
  assert.ok(!isTrustedSender('https://evil.example/', app));
  assert.ok(!isTrustedSender(undefined, app));
  assert.ok(!isTrustedSender('', app));
  const dev = 'http://localhost:5173/';
  assert.ok(isTrustedSender('http://localhost:5173/index.html', dev));
  assert.ok(!isTrustedSender('http://localhost:5174/', dev));
});
