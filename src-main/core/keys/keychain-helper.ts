// A short-lived process that makes one keytar call for its parent and exits. The parent talks to the OS
// keychain only through this helper, so a call that stalls (a native thread waiting on D-Bus for 25 s) can
// be abandoned by killing the process. The request, secrets included, arrives on stdin (a Node child) or the
// parent port (an Electron utility process), never in argv or env.
import { createRequire } from 'node:module';
import type { KeychainRequest, KeychainResponse } from './keychain-protocol.ts';

const require = createRequire(import.meta.url);

async function perform(request: KeychainRequest): Promise<unknown> {
  const keytar = require('@github/keytar') as typeof import('@github/keytar');
  switch (request.op) {
    case 'list':
      return keytar.findCredentials(request.service);
    case 'get':
      return keytar.getPassword(request.service, request.account);
    case 'set':
      return keytar.setPassword(request.service, request.account, request.secret);
    case 'delete':
      return keytar.deletePassword(request.service, request.account);
  }
}

function answer(request: KeychainRequest, reply: (response: KeychainResponse) => void): void {
  perform(request).then(
    (result) => reply({ ok: true, result: result ?? null }),
    (error: unknown) => reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
}

/** In the desktop app the helper is an Electron utility process and talks over its parent port. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}
const parentPort = (process as { parentPort?: ParentPort }).parentPort;

if (parentPort !== undefined) {
  parentPort.on('message', (event) =>
    answer(event.data as KeychainRequest, (response) => {
      parentPort.postMessage(response);
      process.exit(0);
    }),
  );
} else {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => (input += chunk));
  process.stdin.on('end', () =>
    answer(JSON.parse(input) as KeychainRequest, (response) =>
      process.stdout.write(JSON.stringify(response)),
    ),
  );
}
