import { utilityProcess } from 'electron';
import { KEYCHAIN_HELPER, type KeychainRunner } from '../core/keys/keychain-secret-store.ts';
import { firstAnswer, NO_ANSWER, type KeychainResponse } from '../core/keys/keychain-protocol.ts';

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
    const finish = firstAnswer(resolve, timeoutMs, () => child.kill());
    child.once('message', (response: KeychainResponse) => finish(response));
    child.once('exit', () => finish(NO_ANSWER));
    child.once('spawn', () => child.postMessage(request));
  });
