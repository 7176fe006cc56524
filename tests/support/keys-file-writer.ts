// Rewrites keys.json as fast as it can until killed: the crash-safety test kills it mid-write.
import { KeysFile } from '../../src-main/core/keys/keys-file.ts';

const file = new KeysFile(process.argv[2] ?? '.');
let round = 0;
process.stdout.write('ready\n');
for (;;) {
  round += 1;
  await file.update((keys) => {
    keys.length = 0;
    for (let i = 0; i < 200; i += 1) {
      keys.push({
        id: `key_${round}_${i}`,
        name: `Key ${i} of round ${round} ${'x'.repeat(200)}`,
        userId: 'u',
        role: 'user',
        permissions: ['*'],
        prefix: 'mcp_sk_abcd…',
        createdAt: new Date().toISOString(),
        expiresAt: null,
        revokedAt: null,
        rotatedAt: null,
        rateLimit: null,
        grace: null,
      });
    }
  });
}
