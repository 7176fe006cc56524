import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../../../src-main/core/app-error.ts';
import { listenError } from '../../../../src-main/core/server/listen-error.ts';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`listen ${code}`), { code });
}

describe('listen errors', () => {
  test('EADDRINUSE names the port, the holder when known, and --port', () => {
    const error = listenError(errno('EADDRINUSE'), '127.0.0.1', 3210, {
      holder: 'python3 (pid 42)',
      freePort: 3213,
    });
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'port_in_use');
    assert.equal(error.exitCode, 2);
    assert.match(error.message, /Port 3210 on 127\.0\.0\.1 is already in use by python3 \(pid 42\)/);
    assert.match(error.message, /Settings, with --port or with the MCP_PORT .*3213 is free: --port 3213/);
  });

  test('EADDRINUSE without a known holder says "another program", and suggests no port it did not check', () => {
    const message = listenError(errno('EADDRINUSE'), '127.0.0.1', 3210).message;
    assert.match(message, /by another program/);
    assert.doesNotMatch(message, /is free/);
  });

  test('EACCES explains excluded ranges and the fix', () => {
    const error = listenError(errno('EACCES'), '127.0.0.1', 80);
    assert.equal((error as AppError).code, 'port_not_permitted');
    assert.equal((error as AppError).exitCode, 2);
    assert.match(error.message, /port 80/);
    assert.match(error.message, /excludedportrange/);
    assert.match(error.message, /--port/);
  });

  test('other errors pass through unchanged', () => {
    const original = errno('EMFILE');
    assert.equal(listenError(original, '127.0.0.1', 3210), original);
  });
});
