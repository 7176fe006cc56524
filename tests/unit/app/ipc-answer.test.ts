import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { IPC_EVENT, IPC_INVOKE } from '../../../src-shared/ipc-channels.ts';
import { AppError } from '../../../src-main/core/app-error.ts';
import { ipcAnswer, type IpcAnswerer } from '../../../src-main/app/ipc-answer.ts';

const APP_URL = 'file:///Applications/MCP%20Tray.app/Contents/Resources/app.asar/dist/renderer/index.html';
const ownContents = { id: 1 };
const own = { webContents: ownContents };
const trusted = { sender: ownContents, senderFrame: { url: APP_URL } };

const dashboard: IpcAnswerer = async (channel) => ({ answered: channel });
const startFailure: IpcAnswerer = async (channel) => {
  if (channel !== 'server.status') throw new AppError('port_in_use', 'Port 3210 is in use.');
  return { state: 'error' };
};

test('our own window and page are answered, by whichever answerer is in place', async () => {
  assert.deepEqual(await ipcAnswer(trusted, own, APP_URL, dashboard, 'keys.list', {}), {
    ok: true,
    value: { answered: 'keys.list' },
  });
  assert.deepEqual(await ipcAnswer(trusted, own, APP_URL, startFailure, 'server.status', {}), {
    ok: true,
    value: { state: 'error' },
  });
  assert.deepEqual(await ipcAnswer(trusted, own, APP_URL, startFailure, 'keys.list', {}), {
    ok: false,
    error: { code: 'port_in_use', message: 'Port 3210 is in use.' },
  });
});

test('any other sender is refused, also while the server failed to start', async () => {
  const strangers = [
    { sender: { id: 2 }, senderFrame: { url: APP_URL } },
    { sender: ownContents, senderFrame: { url: 'https://evil.example/' } },
    { sender: ownContents, senderFrame: null },
  ];
  for (const answerer of [dashboard, startFailure]) {
    for (const call of strangers) {
      const answer = await ipcAnswer(call, own, APP_URL, answerer, 'server.status', {});
      assert.deepEqual(answer, {
        ok: false,
        error: { code: 'forbidden_sender', message: 'Only the MCP Tray window may call the dashboard.' },
      });
    }
    assert.equal((await ipcAnswer(trusted, undefined, APP_URL, answerer, 'server.status', {})).ok, false);
  }
});

test('a failure that is not one of ours says only "see the log"', async () => {
  const broken: IpcAnswerer = async () => {
    throw new Error('EACCES /home/ada/secret-path');
  };
  assert.deepEqual(await ipcAnswer(trusted, own, APP_URL, broken, 'keys.list', {}), {
    ok: false,
    error: { code: 'internal_error', message: 'The call failed; see the log.' },
  });
});

test('the preload uses the channel names of src-shared', () => {
  const preload = readFileSync(
    join(import.meta.dirname, '..', '..', '..', 'src-main', 'app', 'preload.cts'),
    'utf8',
  );
  assert.ok(preload.includes(`'${IPC_INVOKE}'`));
  assert.ok(preload.includes(`'${IPC_EVENT}'`));
});
