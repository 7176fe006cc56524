// A short-lived process that makes one keytar call for its parent and exits. The parent talks to the OS
// keychain only through this helper, so a call that stalls (a native thread waiting on D-Bus for 25 s) can
// be abandoned by killing the process. The request, secrets included, arrives on stdin, never in argv or env.
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

function reply(response: KeychainResponse): void {
  process.stdout.write(JSON.stringify(response));
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => (input += chunk));
process.stdin.on('end', () => {
  perform(JSON.parse(input) as KeychainRequest).then(
    (result) => reply({ ok: true, result: result ?? null }),
    (error: unknown) => reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
