import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeychainError } from '../../../../src-main/core/app-error.ts';
import { keychainFailure, keychainLabel } from '../../../../src-main/core/keys/keychain-failure.ts';

test('each message keytar gives maps to a code, a named keychain and the fix', () => {
  const cases: [string, string][] = [
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'keychain_no_dbus'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'keychain_no_provider'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'keychain_not_set_up'],
    ['Cannot create an item in a locked collection', 'keychain_locked'],
    ['The keychain did not answer within 8 seconds', 'keychain_timeout'],
    ['User canceled the operation.', 'keychain_denied'],
    // What the helper says on a machine without libsecret-1.so.0 (seen with the library moved away).
    [
      'Failed to load keytar native addon, checked ["../build/Release","../prebuilds/linux-x64","./prebuilds/linux-x64"] on prebuilds/linux-x64',
      'keychain_no_libsecret',
    ],
    ['Something else entirely', 'keychain_failed'],
  ];
  for (const [raw, code] of cases) {
    const error = keychainFailure(raw, 'linux');
    assert.equal(error.code, code, raw);
    assert.ok(error instanceof KeychainError);
    assert.match(error.message, /Secret Service keychain/);
    assert.match(error.message, /kept in a file instead/);
    // The exact command is the CLI's to add (tests/unit/cli/cli-failure.test.ts).
    assert.doesNotMatch(error.message, /--secret-store/);
  }
});

test('the keychain is named as each OS calls it', () => {
  assert.equal(keychainLabel('darwin'), 'the macOS Keychain');
  assert.equal(keychainLabel('win32'), 'Windows Credential Manager');
  assert.match(keychainFailure('User canceled', 'darwin').message, /^The macOS Keychain refused access/);
});
