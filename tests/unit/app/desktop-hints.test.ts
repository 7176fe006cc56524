import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../../src-main/core/app-error.ts';
import { listenError } from '../../../src-main/core/server/listen-error.ts';
import { DESKTOP_HINTS, desktopStartHint } from '../../../src-main/app/desktop-hints.ts';

const inUse = (freePort?: number) =>
  listenError(Object.assign(new Error('listen'), { code: 'EADDRINUSE' }), '127.0.0.1', 3210, {
    freePort,
  }) as AppError;

test('a port in use at start says what works while Settings cannot run: quit the holder, or MCP_PORT', () => {
  const hint = desktopStartHint(inUse(3211)) ?? '';
  assert.match(hint, /Quit the program that holds it/);
  assert.match(hint, /MCP_PORT environment variable set to another port \(3211 is free\)/);
  assert.doesNotMatch(hint, /--port/);
  assert.doesNotMatch(desktopStartHint(inUse()) ?? '', /is free/);
  assert.equal(desktopStartHint(new AppError('file_locked', 'x')), undefined);
});

test('the server hints of the desktop app name what the app offers, never a serve flag to add', () => {
  assert.match(DESKTOP_HINTS.createKey, /Create key/);
  assert.match(DESKTOP_HINTS.allowHost, /public URL .* in Settings/);
  assert.doesNotMatch(DESKTOP_HINTS.allowHost, /--allow-host/);
});
