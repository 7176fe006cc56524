import assert from 'node:assert/strict';
import { funnelUrlFromStatus } from '../../../../src-main/core/tunnel/funnel-status.ts';
import { describe, test } from 'node:test';
import { PublicAddress } from '../../../../src-main/core/tunnel/public-address.ts';
import { installHint, readTunnelLine, tunnelArgs } from '../../../../src-main/core/tunnel/tunnel-tools.ts';

// Lines as cloudflared 2025.x and ngrok 3.x print them.
const CLOUDFLARED = [
  '2026-12-02T10:00:00Z INF Thank you for trying Cloudflare Tunnel. ... Terms of Use (https://www.cloudflare.com/website-terms/), ... following: https://developers.cloudflare.com/cloudflare-one/connections/connect-apps',
  '2026-12-02T10:00:00Z INF Requesting new quick Tunnel on trycloudflare.com...',
  '2026-12-02T10:00:01Z INF |  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |',
  '2026-12-02T10:00:01Z INF |  https://seasonal-deck-organisms-sf.trycloudflare.com                                      |',
];
const CLOUDFLARED_FAILED =
  '2026-12-02T10:00:01Z ERR failed to request quick Tunnel: Post "https://api.trycloudflare.com/tunnel": dial tcp: lookup api.trycloudflare.com: no such host';
const NGROK_STARTED =
  '{"addr":"http://localhost:3210","lvl":"info","msg":"started tunnel","name":"command_line","obj":"tunnels","t":"2026-12-02T10:00:01Z","url":"https://1a2b-203-0-113-7.ngrok-free.app"}';
const NGROK_FAILED =
  '{"err":"authentication failed: Usage of ngrok requires a verified account and authtoken.\\n\\nSign up for an account: https://dashboard.ngrok.com/signup","lvl":"eror","msg":"failed to reconnect session","obj":"tunnels.session","t":"2026-12-02T10:00:01Z"}';

describe('reading a tunnel tool’s output', () => {
  test('cloudflared: the quick tunnel’s address, not the terms’ links nor the API it names on failure', () => {
    assert.deepEqual(
      CLOUDFLARED.map((line) => readTunnelLine('cloudflared', line).url),
      [undefined, undefined, undefined, 'https://seasonal-deck-organisms-sf.trycloudflare.com'],
    );
    const failed = readTunnelLine('cloudflared', CLOUDFLARED_FAILED);
    assert.equal(failed.url, undefined);
    assert.match(failed.problem ?? '', /^failed to request quick Tunnel/);
  });

  test('ngrok: the URL of "started tunnel" in its JSON log, and the first line of an error', () => {
    assert.deepEqual(readTunnelLine('ngrok', NGROK_STARTED), {
      url: 'https://1a2b-203-0-113-7.ngrok-free.app',
    });
    assert.deepEqual(readTunnelLine('ngrok', NGROK_FAILED), {
      problem: 'authentication failed: Usage of ngrok requires a verified account and authtoken.',
    });
    assert.deepEqual(readTunnelLine('ngrok', 'not json'), {});
  });

  test('tailscale funnel: the machine’s ts.net address, and what it says when Funnel is not allowed', () => {
    // As `tailscale funnel 3210` prints it (tailscale 1.7x, foreground).
    const recorded = [
      'Available on the internet:',
      '',
      'https://studio-mac.tail1a2b3c.ts.net/',
      '|-- / proxy http://127.0.0.1:3210',
      '',
      'Press Ctrl+C to exit.',
    ];
    assert.deepEqual(recorded.map((line) => readTunnelLine('tailscale', line).url).filter(Boolean), [
      'https://studio-mac.tail1a2b3c.ts.net',
    ]);
    assert.deepEqual(readTunnelLine('tailscale', '|-- / proxy http://127.0.0.1:3210'), {});
    const refused = readTunnelLine(
      'tailscale',
      'Funnel is not enabled on your tailnet. To enable, visit: https://login.tailscale.com/f/funnel?node=n1',
    );
    assert.match(refused.problem ?? '', /Funnel is not enabled/);
    assert.equal(refused.url, undefined);
    assert.deepEqual(tunnelArgs('tailscale', 3210), ['funnel', '3210']);
    assert.match(
      installHint('tailscale', 'linux'),
      /https:\/\/tailscale\.com\/download.*tailscale up.*Funnel/,
    );
  });

  test('tailscale funnel status --json: the funnel that proxies to this port, open to the internet', () => {
    const status = JSON.stringify({
      TCP: { '443': { HTTPS: true }, '8443': { HTTPS: true } },
      Web: {
        'box.tail1a2b3c.ts.net:443': { Handlers: { '/': { Proxy: 'http://127.0.0.1:3210' } } },
        'box.tail1a2b3c.ts.net:8443': { Handlers: { '/': { Proxy: 'http://127.0.0.1:9999' } } },
      },
      AllowFunnel: { 'box.tail1a2b3c.ts.net:443': true, 'box.tail1a2b3c.ts.net:8443': true },
    });
    assert.equal(funnelUrlFromStatus(status, 3210), 'https://box.tail1a2b3c.ts.net');
    assert.equal(funnelUrlFromStatus(status, 9999), 'https://box.tail1a2b3c.ts.net:8443');
    assert.equal(funnelUrlFromStatus(status, 4000), undefined, 'another port');
    const served = JSON.parse(status) as { AllowFunnel: Record<string, boolean> };
    served.AllowFunnel['box.tail1a2b3c.ts.net:443'] = false;
    assert.equal(funnelUrlFromStatus(JSON.stringify(served), 3210), undefined, 'served on the tailnet only');
    assert.equal(funnelUrlFromStatus('not json', 3210), undefined);
  });

  test('how each tool is run, and how to install it on each OS (with an https link)', () => {
    assert.deepEqual(tunnelArgs('cloudflared', 3210), [
      'tunnel',
      '--no-autoupdate',
      '--url',
      'http://127.0.0.1:3210',
    ]);
    assert.deepEqual(tunnelArgs('ngrok', 3210), ['http', '3210', '--log', 'stdout', '--log-format', 'json']);
    assert.match(
      installHint('cloudflared', 'darwin'),
      /brew install cloudflared.*https:\/\/developers\.cloudflare\.com\//,
    );
    assert.match(installHint('cloudflared', 'win32'), /winget install --id Cloudflare\.cloudflared/);
    assert.match(installHint('ngrok', 'linux'), /https:\/\/ngrok\.com\/download.*add-authtoken/);
  });
});

describe('the public address', () => {
  test('its host is answered while it is set; a new one replaces it; loopback names always stay', () => {
    const hosts = new Set(['127.0.0.1:3210', 'localhost:3210']);
    const address = new PublicAddress({ publicBaseUrl: undefined }, hosts);
    address.set('https://one.trycloudflare.com');
    assert.ok(hosts.has('one.trycloudflare.com') && address.isPublic('ONE.trycloudflare.com.'));
    address.set('https://two.trycloudflare.com');
    assert.ok(!hosts.has('one.trycloudflare.com') && hosts.has('two.trycloudflare.com:443'));
    assert.equal(address.isPublic('localhost:3210'), false);
    address.set(undefined);
    assert.deepEqual([...hosts], ['127.0.0.1:3210', 'localhost:3210']);
  });
});
