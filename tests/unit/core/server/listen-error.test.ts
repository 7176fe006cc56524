import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ListenError } from '../../../../src-main/core/app-error.ts';
import { listenError } from '../../../../src-main/core/server/listen-error.ts';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`listen ${code}`), { code });
}

describe('listen errors', () => {
  test('EADDRINUSE names the port and the holder when known, and carries where and what is free', () => {
    const error = listenError(errno('EADDRINUSE'), '127.0.0.1', 3210, {
      holder: 'python3 (pid 42)',
      freePort: 3213,
    });
    assert.ok(error instanceof ListenError);
    assert.equal(error.code, 'port_in_use');
    assert.deepEqual([error.host, error.port, error.freePort], ['127.0.0.1', 3210, 3213]);
    assert.match(error.message, /Port 3210 on 127\.0\.0\.1 is already in use by python3 \(pid 42\)/);
    assert.match(error.message, /pick another port/);
    // The flag, the variable and the screen are the entry points' to add (tests/unit/cli, tests/unit/app).
    assert.doesNotMatch(error.message, /--port|MCP_PORT|Settings/);
  });

  test('EADDRINUSE without a known holder says "another program", and suggests no port it did not check', () => {
    const error = listenError(errno('EADDRINUSE'), '127.0.0.1', 3210);
    assert.match(error.message, /by another program/);
    assert.equal((error as ListenError).freePort, undefined);
  });

  test('EACCES explains excluded ranges and the fix', () => {
    const error = listenError(errno('EACCES'), '127.0.0.1', 80);
    assert.ok(error instanceof ListenError);
    assert.equal(error.code, 'port_not_permitted');
    assert.match(error.message, /port 80/);
    assert.match(error.message, /excludedportrange/);
    assert.match(error.message, /above 1024/);
  });

  test('other errors pass through unchanged', () => {
    const original = errno('EMFILE');
    assert.equal(listenError(original, '127.0.0.1', 3210), original);
  });
});
