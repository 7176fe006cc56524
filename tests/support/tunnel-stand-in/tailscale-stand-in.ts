// A stand-in for `tailscale funnel <port>` (this machine has no tailnet). With $STAND_IN_FUNNEL_QUIET set it
// prints no address, as older versions do, and the address is only in `tailscale funnel status --json`; else
// it prints what tailscale 1.7x prints. It stays up until SIGTERM.
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const host = 'studio-mac.tail1a2b3c.ts.net';
const state = join(tmpdir(), `tailscale-stand-in-${process.env['STAND_IN_ID'] ?? 'default'}.json`);
const [command, ...rest] = process.argv.slice(2);
if (command !== 'funnel') {
  process.stderr.write(`unknown command "${command}"\n`);
  process.exit(2);
}
if (rest[0] === 'status') {
  const port = existsSync(state) ? (JSON.parse(readFileSync(state, 'utf8')) as { port: string }).port : '';
  const web =
    port === '' ? {} : { [`${host}:443`]: { Handlers: { '/': { Proxy: `http://127.0.0.1:${port}` } } } };
  process.stdout.write(
    `${JSON.stringify({ TCP: { '443': { HTTPS: true } }, Web: web, AllowFunnel: { [`${host}:443`]: port !== '' } })}\n`,
  );
  process.exit(0);
}
const port = rest[0] ?? '';
writeFileSync(state, JSON.stringify({ port }));
if (process.env['STAND_IN_FUNNEL_QUIET'] === undefined) {
  process.stdout.write(
    `Available on the internet:\n\nhttps://${host}/\n|-- / proxy http://127.0.0.1:${port}\n\nPress Ctrl+C to exit.\n`,
  );
}
process.on('SIGTERM', () => process.exit(0));
setInterval(() => {}, 1000);
