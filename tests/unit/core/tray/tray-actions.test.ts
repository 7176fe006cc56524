import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runTrayAction, type TrayActionDeps } from '../../../../src-main/core/tray/tray-actions.ts';

function recorder(overrides: Partial<TrayActionDeps> = {}) {
  const calls: string[] = [];
  let launch = false;
  const deps: TrayActionDeps = {
    revealKey: async (id) => {
      calls.push(`reveal ${id}`);
      return { name: 'Cursor', secret: 'mcp_sk_secret' };
    },
    mcpUrl: () => 'http://127.0.0.1:3210/mcp',
    publicMcpUrl: () => 'https://quiet-deck.trycloudflare.com/mcp',
    expose: async () => void calls.push('expose'),
    stopExposing: async () => void calls.push('stop exposing'),
    writeClipboard: (text) => calls.push(`clipboard ${text}`),
    notify: (title, body) => calls.push(`notify ${title}: ${body}`),
    openDashboard: () => calls.push('open dashboard'),
    setServing: async (running) => void calls.push(`serving ${running}`),
    signIn: async (provider) => void calls.push(`sign in ${provider}`),
    signOut: async () => void calls.push('sign out'),
    launchAtLogin: () => launch,
    setLaunchAtLogin: async (enabled) => {
      launch = enabled;
      calls.push(`launch at login ${enabled}`);
    },
    quit: () => calls.push('quit'),
    ...overrides,
  };
  return { deps, calls };
}

test('each menu action reaches the matching core call', async () => {
  const { deps, calls } = recorder();
  await runTrayAction({ kind: 'copy-key', keyId: 'key_a' }, deps);
  await runTrayAction({ kind: 'copy-url' }, deps);
  await runTrayAction({ kind: 'open-dashboard' }, deps);
  await runTrayAction({ kind: 'stop-server' }, deps);
  await runTrayAction({ kind: 'start-server' }, deps);
  await runTrayAction({ kind: 'sign-in', provider: 'github' }, deps);
  await runTrayAction({ kind: 'sign-in', provider: 'google' }, deps);
  await runTrayAction({ kind: 'sign-out' }, deps);
  await runTrayAction({ kind: 'toggle-launch-at-login' }, deps);
  await runTrayAction({ kind: 'toggle-launch-at-login' }, deps);
  await runTrayAction({ kind: 'quit' }, deps);
  assert.deepEqual(calls, [
    'reveal key_a',
    'clipboard mcp_sk_secret',
    'notify Connector key copied: The key “Cursor” is on the clipboard; paste it into your client.',
    'clipboard http://127.0.0.1:3210/mcp',
    'notify MCP URL copied: http://127.0.0.1:3210/mcp',
    'open dashboard',
    'serving false',
    'serving true',
    'sign in github',
    'sign in google',
    'sign out',
    'launch at login true',
    'launch at login false',
    'quit',
  ]);
});

test('a failing action becomes a notification with the reason, and never puts a secret in it', async () => {
  const { deps, calls } = recorder({
    revealKey: async () => {
      throw new Error('The keychain is locked. Unlock it and try again.');
    },
  });
  await runTrayAction({ kind: 'copy-key', keyId: 'key_a' }, deps);
  assert.deepEqual(calls, [
    'notify MCP Tray could not do that: The keychain is locked. Unlock it and try again.',
  ]);
});

test('Expose to the internet starts the tunnel and says so; its public URL is copied; Stop exposing stops it', async () => {
  const { deps, calls } = recorder();
  await runTrayAction({ kind: 'expose' }, deps);
  await runTrayAction({ kind: 'copy-public-url' }, deps);
  await runTrayAction({ kind: 'stop-exposing' }, deps);
  assert.deepEqual(calls, [
    'expose',
    'notify Exposing to the internet: The tunnel is starting; its public URL shows in this menu once it is up.',
    'clipboard https://quiet-deck.trycloudflare.com/mcp',
    'notify Public URL copied: https://quiet-deck.trycloudflare.com/mcp: for ChatGPT’s and Claude’s connectors (see Connect).',
    'stop exposing',
  ]);
  const { deps: none, calls: said } = recorder({ publicMcpUrl: () => undefined });
  await runTrayAction({ kind: 'copy-public-url' }, none);
  assert.deepEqual(said, [
    'notify MCP Tray could not do that: The tunnel has no public URL yet; try again in a moment.',
  ]);
});
