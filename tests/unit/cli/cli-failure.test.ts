import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AppError,
  InputError,
  KeychainError,
  ListenError,
  NotFoundError,
} from '../../../src-main/core/app-error.ts';
import { keychainFailure } from '../../../src-main/core/keys/keychain-failure.ts';
import { listenError } from '../../../src-main/core/server/listen-error.ts';
import { cliMessage, exitCodeOf } from '../../../src-main/cli/cli-failure.ts';

const errno = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

test('exit codes follow the error class: 2 for input and listening, 3 for the keychain, 1 otherwise', () => {
  assert.equal(exitCodeOf(new InputError('invalid_rate', 'x')), 2);
  assert.equal(exitCodeOf(new NotFoundError('key_not_found', 'x')), 2);
  assert.equal(exitCodeOf(new ListenError('port_in_use', 'x', { host: '127.0.0.1', port: 1 })), 2);
  assert.equal(exitCodeOf(new KeychainError('keychain_locked', 'x')), 3);
  assert.equal(exitCodeOf(new AppError('file_locked', 'x')), 1);
});

test('a port in use gets the flag and the variable, with the port checked to be free', () => {
  const error = listenError(errno('EADDRINUSE'), '127.0.0.1', 3210, { freePort: 3213 }) as AppError;
  const message = cliMessage(error, ['serve']);
  assert.match(message, /^Port 3210 on 127\.0\.0\.1 is already in use/);
  assert.match(message, /3213 is free: --port 3213 \(or MCP_PORT=3213\)/);
  const unchecked = cliMessage(listenError(errno('EADDRINUSE'), '127.0.0.1', 3210) as AppError, ['serve']);
  assert.match(unchecked, /--port or the MCP_PORT/);
  assert.doesNotMatch(unchecked, /is free/);
  assert.match(cliMessage(listenError(errno('EACCES'), '127.0.0.1', 80) as AppError, ['serve']), /--port/);
});

test('a keychain that cannot be used gets the same command with --secret-store file', () => {
  const error = keychainFailure('Cannot create an item in a locked collection', 'linux');
  const keys = cliMessage(error, ['keys', 'create', '--name', 'My laptop', '--secret-store', 'keychain']);
  assert.match(keys, /run: mcp-tray keys create --name 'My laptop' --secret-store file \(and serve with/);
  const serve = cliMessage(error, ['serve', '--port', '0']);
  assert.match(serve, /run: mcp-tray serve --port 0 --secret-store file$/);
  // A missing secret is the keychain's trouble too (exit 3), but a file store would not bring it back.
  assert.doesNotMatch(cliMessage(new KeychainError('secret_missing', 'No secret.'), ['keys']), /--secret/);
});

test('errors without a command-line hint are printed as they are', () => {
  const error = new InputError('invalid_rate', '"x" is not a rate.');
  assert.equal(cliMessage(error, ['keys', 'create']), '"x" is not a rate.');
  assert.match(cliMessage(new NotFoundError('key_not_found', 'No key.'), ['keys']), /keys list" shows them/);
});
