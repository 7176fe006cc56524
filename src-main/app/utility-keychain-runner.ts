import { utilityProcess } from 'electron';
import { KEYCHAIN_HELPER, type KeychainRunner } from '../core/keys/keychain-secret-store.ts';
import type { KeychainResponse } from '../core/keys/keychain-protocol.ts';

/**
 * In the packaged app (RunAsNode fuse off) the keychain helper runs as an Electron utility process, which
 * can be killed when the keychain stalls, exactly like the Node child the CLI uses.
 */
export const utilityKeychainRunner: KeychainRunner = (request, timeoutMs) =>
  new Promise((resolve) => {
    const child = utilityProcess.fork(KEYCHAIN_HELPER, [], {
      serviceName: 'MCP Tray keychain',
      stdio: 'ignore',
    });
    let settled = false;
    const finish = (response: KeychainResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(response);
    };
    const timer = setTimeout(() => {
      child.kill();
      finish({
        ok: false,
        error: `The keychain did not answer within ${Math.round(timeoutMs / 1000)} seconds`,
      });
    }, timeoutMs);
    child.once('message', (response: KeychainResponse) => finish(response));
    child.once('exit', () =>
      finish({ ok: false, error: 'The keychain gave no answer; it may be locked behind a password prompt' }),
    );
    child.once('spawn', () => child.postMessage(request));
  });
