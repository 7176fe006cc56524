import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dashboardCommandLine,
  dataFolderId,
  shellWord,
} from '../../../../src-main/core/sessions/dashboard-link.ts';

test('the sign-in command names --port and --data-dir only when they are not the defaults', () => {
  const home = '/home/ada/.config/MCP Tray';
  assert.equal(dashboardCommandLine(3210, home, 'linux', home), 'mcp-tray dashboard');
  assert.equal(dashboardCommandLine(3300, home, 'linux', home), 'mcp-tray dashboard --port 3300');
  assert.equal(
    dashboardCommandLine(3210, '/srv/tray data', 'linux', home),
    "mcp-tray dashboard --data-dir '/srv/tray data'",
  );
});

test('paths are quoted for the shell they will be pasted into', () => {
  assert.equal(shellWord('/tmp/plain-path_1.2'), '/tmp/plain-path_1.2');
  assert.equal(shellWord("/tmp/it's here", 'linux'), `'/tmp/it'\\''s here'`);
  assert.equal(shellWord('C:\\Users\\Ada\\MCP Tray', 'win32'), '"C:\\Users\\Ada\\MCP Tray"');
  assert.equal(shellWord('$(reboot)', 'darwin'), "'$(reboot)'");
});

test('a data folder has a short stable id that does not show its path', () => {
  assert.equal(dataFolderId('/tmp/a'), dataFolderId('/tmp/a/'));
  assert.notEqual(dataFolderId('/tmp/a'), dataFolderId('/tmp/b'));
  assert.match(dataFolderId('/home/ada/secret-project'), /^[\w-]{12}$/);
  assert.ok(!dataFolderId('/home/ada').includes('ada'));
});
