import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginShellPath } from '../../../../src-main/core/gateway/login-shell-path.ts';

test('the login shell’s PATH is read (here with bash), and a shell that fails gives none', async () => {
  const path = await loginShellPath({ SHELL: '/bin/bash', HOME: '/tmp', PATH: '/usr/bin:/bin' });
  assert.ok(path?.split(':').includes('/usr/bin'), path);
  assert.equal(await loginShellPath({ SHELL: '/nonexistent/shell' }), undefined);
  assert.equal(await loginShellPath({ SHELL: '/bin/false' }), undefined);
});
