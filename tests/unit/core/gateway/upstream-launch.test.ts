import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cmdQuote, launchPlan, mergedPath } from '../../../../src-main/core/gateway/upstream-launch.ts';

const entry = (command: string, args: string[] = []) => ({ command, args, env: { MODE: 'test' } });

describe('how a stdio server is started, on each OS', () => {
  test('Linux: the command as given, in its own process group, our environment under its own', () => {
    const plan = launchPlan(
      entry('npx', ['-y', 'pkg']),
      { TOKEN: 's3cret' },
      {
        platform: 'linux',
        env: { PATH: '/usr/bin', MODE: 'ours', HOME: '/home/me' },
      },
    );
    assert.equal(plan.file, 'npx');
    assert.deepEqual(plan.args, ['-y', 'pkg']);
    assert.equal(plan.detached, true);
    assert.deepEqual(plan.env, { PATH: '/usr/bin', MODE: 'test', HOME: '/home/me', TOKEN: 's3cret' });
  });

  test('macOS: the login shell’s PATH first (apps from the Dock get a bare one), each folder once', () => {
    const plan = launchPlan(
      entry('uvx'),
      {},
      {
        platform: 'darwin',
        env: { PATH: '/usr/bin:/bin' },
        loginPath: '/opt/homebrew/bin:/usr/bin',
      },
    );
    assert.equal(plan.env['PATH'], '/opt/homebrew/bin:/usr/bin:/bin');
    assert.equal(plan.detached, true);
    // Without a login PATH (it could not be read), MCP Tray's own stays.
    assert.equal(
      launchPlan(entry('uvx'), {}, { platform: 'darwin', env: { PATH: '/usr/bin' } }).env['PATH'],
      '/usr/bin',
    );
  });

  test('Windows: npx and the like through their .cmd shims and cmd.exe, arguments quoted for it', () => {
    const plan = launchPlan(
      entry('npx', ['-y', '@scope/server', 'C:\\My Files']),
      {},
      {
        platform: 'win32',
        env: { ComSpec: 'C:\\Windows\\system32\\cmd.exe', Path: 'C:\\node' },
      },
    );
    assert.equal(plan.file, 'C:\\Windows\\system32\\cmd.exe');
    assert.deepEqual(plan.args, ['/d', '/s', '/c', '"npx.cmd -y @scope/server "C:\\My Files""']);
    assert.equal(plan.windowsVerbatimArguments, true);
    assert.equal(plan.detached, false);
  });

  test('Windows: an .exe runs directly; a .bat goes through cmd.exe', () => {
    const exe = launchPlan(entry('C:\\tools\\server.exe', ['--stdio']), {}, { platform: 'win32', env: {} });
    assert.deepEqual(
      [exe.file, exe.args, exe.windowsVerbatimArguments],
      ['C:\\tools\\server.exe', ['--stdio'], false],
    );
    const bat = launchPlan(entry('run.bat'), {}, { platform: 'win32', env: {} });
    assert.equal(bat.file, 'cmd.exe');
  });

  test('cmd.exe quoting: plain words stay, anything special is quoted with doubled quotes', () => {
    assert.equal(cmdQuote('plain'), 'plain');
    assert.equal(cmdQuote('a b'), '"a b"');
    assert.equal(cmdQuote('say "hi"'), '"say ""hi"""');
    assert.equal(cmdQuote('a&b'), '"a&b"');
    assert.equal(cmdQuote(''), '""');
  });

  test('PATH merging keeps order and drops empty and repeated entries', () => {
    assert.equal(mergedPath('/a::/b', '/b:/c:', ':'), '/a:/b:/c');
    assert.equal(mergedPath(undefined, '/c', ':'), '/c');
  });
});
