// A stand-in for `cloudflared tunnel --url ...` (this machine cannot reach Cloudflare): it prints what a quick
// tunnel prints, in cloudflared's own format, with a new name each run, and stays up until SIGTERM. It writes
// one line per run to $STAND_IN_RUNS (its pid, its arguments, its URL, the TUNNEL_TOKEN it was given); with $STAND_IN_EXIT_FIRST_MS set, the
// first run exits with code 1 after that long (the tunnel dropped).
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

const runs = process.env['STAND_IN_RUNS'];
const first = runs === undefined || !existsSync(runs) || readFileSync(runs, 'utf8').trim() === '';
const name = `${['seasonal', 'brave', 'quiet'][randomBytes(1)[0]! % 3]}-${randomBytes(4).toString('hex')}-deck`;
const url = `https://${name}.trycloudflare.com`;
const token = process.env['TUNNEL_TOKEN'] ?? null;
if (runs !== undefined)
  appendFileSync(runs, `${JSON.stringify({ pid: process.pid, args: process.argv.slice(2), url, token })}\n`);
const at = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const say = (line: string) => process.stderr.write(`${at()} INF ${line}\n`);
say(
  'Thank you for trying Cloudflare Tunnel. Doing so, without a Cloudflare account, is a quick way to experiment and try it out. However, be aware that these account-less Tunnels have no uptime guarantee, are subject to the Cloudflare Online Services Terms of Use (https://www.cloudflare.com/website-terms/), and Cloudflare reserves the right to investigate your use of Tunnels for violations of such terms. If you intend to use Tunnels in production you should use a pre-created named tunnel by following: https://developers.cloudflare.com/cloudflare-one/connections/connect-apps',
);
const named = process.argv.includes('run');
if (named && token === null) {
  // As cloudflared does: a named tunnel cannot run without its token.
  process.stderr.write(`${at()} ERR "cloudflared tunnel run" requires the ID or name of the tunnel\n`);
  process.exit(1);
}
if (named) {
  // `cloudflared tunnel run` with TUNNEL_TOKEN: a named tunnel prints no URL, only its connections.
  say('Starting tunnel tunnelID=00000000-0000-0000-0000-000000000001');
  setTimeout(() => {
    say(
      'Registered tunnel connection connIndex=0 connection=00000000-0000-0000-0000-000000000002 event=0 ip=198.41.200.13 location=ams08 protocol=quic',
    );
  }, 150);
} else say('Requesting new quick Tunnel on trycloudflare.com...');
if (!named)
  setTimeout(() => {
    say('+--------------------------------------------------------------------------------------------+');
    say('|  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |');
    say(`|  ${url.padEnd(90)}|`);
    say('+--------------------------------------------------------------------------------------------+');
    say('Version 2025.11.1 (Checksum 0000)');
    say(
      'Registered tunnel connection connIndex=0 connection=00000000-0000-0000-0000-000000000000 event=0 ip=198.41.200.13 location=ams08 protocol=quic',
    );
  }, 150);
const exitAfter = Number(process.env['STAND_IN_EXIT_FIRST_MS'] ?? NaN);
if (first && Number.isFinite(exitAfter))
  setTimeout(() => {
    process.stderr.write(`${at()} ERR Connection terminated error="connection with edge closed"\n`);
    process.exit(1);
  }, exitAfter);
process.on('SIGTERM', () => {
  say('Initiating graceful shutdown due to signal terminated ...');
  process.exit(0);
});
setInterval(() => {}, 1000);
