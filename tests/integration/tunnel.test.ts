import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { KeychainSecretStore } from '../../src-main/core/keys/keychain-secret-store.ts';
import { startSecretService } from '../support/secret-service.ts';
import { FULL_KEY, runCli, startServe, type ServeProcess } from '../support/serve-process.ts';

// `serve --tunnel cloudflared` against a stand-in on PATH that prints what cloudflared prints (this machine
// cannot reach Cloudflare): the URL it gives becomes the public address, the public host serves MCP only,
// a tunnel that drops comes back with a new name and the old one is refused, and SIGTERM stops it.
const STAND_IN = join(import.meta.dirname, '..', 'support', 'tunnel-stand-in');
const QUICK = /Public URL: (https:\/\/[a-z0-9-]+\.trycloudflare\.com)\/mcp/g;

async function tunnelled(extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-tunnel-'));
  const runs = join(dir, 'runs');
  const serve = await startServe({
    args: ['--tunnel', 'cloudflared'],
    env: { PATH: `${STAND_IN}:${process.env['PATH'] ?? ''}`, STAND_IN_RUNS: runs, ...extra },
  });
  return { serve, runs };
}

async function publicUrls(serve: ServeProcess, count: number): Promise<string[]> {
  for (let i = 0; i < 200; i += 1) {
    const found = [...serve.stderr().matchAll(QUICK)].map((match) => match[1]!);
    if (found.length >= count) return found;
    await sleep(50);
  }
  assert.fail(`no ${count} public URL(s) in:\n${serve.stderr()}`);
}

/** A request that names `origin`'s host, as the tunnel delivers it (fetch cannot set Host). */
function as(
  serve: ServeProcess,
  origin: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; json: () => Promise<unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: serve.port,
        path,
        method: init.method ?? 'GET',
        headers: { ...init.headers, Host: new URL(origin).host },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: async () => JSON.parse(text) as unknown }),
        );
      },
    );
    req.once('error', reject);
    req.end(init.body);
  });
}
const ping = {
  method: 'POST',
  headers: {
    'X-API-Key': FULL_KEY,
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    'MCP-Protocol-Version': '2025-11-25',
  },
  body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
};

describe('serve --tunnel cloudflared', () => {
  test('the tunnel’s URL is the public address: MCP and /healthz answer there, the dashboard and /api do not', async () => {
    const { serve } = await tunnelled();
    try {
      const [origin] = await publicUrls(serve, 1);
      const status = (await (
        await fetch(`${serve.url}/status`, { headers: { 'X-API-Key': FULL_KEY } })
      ).json()) as { publicUrl: string | null };
      assert.equal(status.publicUrl, `${origin}/mcp`);
      assert.equal((await as(serve, origin!, '/mcp', ping)).status, 200);
      assert.equal((await as(serve, origin!, '/healthz')).status, 200);
      for (const path of ['/', '/api/app.info', '/login?token=x', '/mcp/status']) {
        const res = await as(serve, origin!, path);
        assert.equal(res.status, 404, path);
        assert.match(((await res.json()) as { message: string }).message, /on the public address/);
      }
      assert.equal(
        (await fetch(`http://127.0.0.1:${serve.port}/`)).status,
        200,
        'on loopback the dashboard is there',
      );
    } finally {
      await serve.stop();
    }
  });

  test('a tunnel that drops is started again with a new name; the old name is refused; SIGTERM stops it', async () => {
    const { serve, runs } = await tunnelled({ STAND_IN_EXIT_FIRST_MS: '1500' });
    try {
      const [first, second] = await publicUrls(serve, 2);
      assert.notEqual(first, second);
      assert.match(serve.stderr(), /cloudflared exited with code 1 .*starting it again in 1 s/);
      assert.match(serve.stderr(), /It changed: connectors that used the old one must be updated/);
      assert.equal(
        (await as(serve, first!, '/mcp', ping)).status,
        403,
        'the old name is no longer this server',
      );
      assert.equal((await as(serve, second!, '/mcp', ping)).status, 200);
    } finally {
      await serve.stop();
    }
    const last = JSON.parse(readFileSync(runs, 'utf8').trim().split('\n').at(-1)!) as {
      pid: number;
      args: string[];
    };
    assert.deepEqual(last.args, ['tunnel', '--no-autoupdate', '--url', `http://127.0.0.1:${serve.port}`]);
    assert.throws(() => process.kill(last.pid, 0), { code: 'ESRCH' }, 'cloudflared stopped with the server');
  });

  test('a tunnel turned on in the dashboard (settings.json) starts again with the server', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-tunnel-saved-'));
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ tunnel: 'cloudflared' }));
    const serve = await startServe({ dataDir, env: { PATH: `${STAND_IN}:${process.env['PATH'] ?? ''}` } });
    try {
      const [origin] = await publicUrls(serve, 1);
      assert.equal((await as(serve, origin!, '/mcp', ping)).status, 200);
    } finally {
      await serve.stop();
    }
  });

  test('a stable name: a named cloudflared tunnel (token from TUNNEL_TOKEN) is its hostname once connected; without the token it says what is missing', async () => {
    const args = ['--tunnel', 'cloudflared', '--tunnel-hostname', 'tray.example.com'];
    const path = `${STAND_IN}:${process.env['PATH'] ?? ''}`;
    const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-tunnel-named-'));
    const serve = await startServe({
      args,
      env: { PATH: path, TUNNEL_TOKEN: 'eyJ0b2tlbiI6ImV4YW1wbGUifQ', STAND_IN_RUNS: join(dir, 'runs') },
    });
    try {
      for (let i = 0; i < 100 && !/Public URL/.test(serve.stderr()); i += 1) await sleep(50);
      assert.match(serve.stderr(), /Public URL: https:\/\/tray\.example\.com\/mcp \(through cloudflared\)/);
      assert.equal((await as(serve, 'https://tray.example.com', '/mcp', ping)).status, 200);
      const run = JSON.parse(readFileSync(join(dir, 'runs'), 'utf8').trim()) as { args: string[] };
      assert.deepEqual(
        run.args,
        ['tunnel', '--no-autoupdate', 'run'],
        'the token is not on the command line',
      );
    } finally {
      await serve.stop();
    }
    const tokenless = await startServe({ args, env: { PATH: path } });
    try {
      for (let i = 0; i < 100 && !/TUNNEL_TOKEN/.test(tokenless.stderr()); i += 1) await sleep(50);
      assert.match(
        tokenless.stderr(),
        /A named cloudflared tunnel needs its token .*paste it in Settings > Expose to the internet.*or set TUNNEL_TOKEN/,
      );
    } finally {
      await tokenless.stop();
    }
  });

  test('a named tunnel whose token is in the keychain (saved from Settings) gets it in its environment', async () => {
    const keyring = await startSecretService();
    const saved = { ...process.env };
    Object.assign(process.env, keyring.env);
    const dir = mkdtempSync(join(tmpdir(), 'mcp-tray-tunnel-kept-'));
    const token = 'eyJhIjoiMDAwMCIsInQiOiJ0dW5uZWwiLCJzIjoic2VjcmV0In0=';
    try {
      await new KeychainSecretStore().set('tunnel-token', token);
      const serve = await startServe({
        args: ['--tunnel', 'cloudflared', '--tunnel-hostname', 'tray.example.com'],
        env: {
          ...keyring.env,
          PATH: `${STAND_IN}:${process.env['PATH'] ?? ''}`,
          STAND_IN_RUNS: join(dir, 'runs'),
        },
      });
      try {
        for (let i = 0; i < 100 && !/Public URL/.test(serve.stderr()); i += 1) await sleep(50);
        assert.match(serve.stderr(), /Public URL: https:\/\/tray\.example\.com\/mcp/);
        const run = JSON.parse(readFileSync(join(dir, 'runs'), 'utf8').trim()) as {
          args: string[];
          token: string;
        };
        assert.equal(run.token, token);
        assert.ok(!run.args.some((arg) => arg.includes(token)), 'never on the command line');
        assert.ok(!serve.stderr().includes(token), 'never in the log');
      } finally {
        await serve.stop();
      }
    } finally {
      process.env = saved;
      await keyring.stop();
    }
  });

  test('Tailscale Funnel: its address from its output, or from its status when it prints none', async () => {
    for (const quiet of [false, true]) {
      const serve = await startServe({
        args: ['--tunnel', 'tailscale'],
        env: {
          PATH: `${STAND_IN}:${process.env['PATH'] ?? ''}`,
          STAND_IN_ID: `${process.pid}-${quiet}`,
          ...(quiet && { STAND_IN_FUNNEL_QUIET: '1' }),
        },
      });
      try {
        for (let i = 0; i < 200 && !/Public URL/.test(serve.stderr()); i += 1) await sleep(50);
        assert.match(
          serve.stderr(),
          /Public URL: https:\/\/studio-mac\.tail1a2b3c\.ts\.net\/mcp \(through tailscale\)/,
          quiet ? 'read from tailscale funnel status --json' : 'read from its output',
        );
        const status = await as(serve, 'https://studio-mac.tail1a2b3c.ts.net', '/mcp', ping);
        assert.equal(status.status, 200);
      } finally {
        await serve.stop();
      }
    }
  });

  test('cloudflared missing: serving goes on locally, and it says how to install it', async () => {
    const serve = await startServe({ args: ['--tunnel', 'cloudflared'], env: { PATH: '/usr/bin:/bin' } });
    try {
      for (let i = 0; i < 100 && !/was not found/.test(serve.stderr()); i += 1) await sleep(50);
      assert.match(
        serve.stderr(),
        /cloudflared was not found\. Install it \(.*https:\/\/developers\.cloudflare\.com\//,
      );
      assert.equal((await fetch(serve.url, ping)).status, 200);
    } finally {
      await serve.stop();
    }
  });

  test('a public URL or tunnel that cannot be is refused before anything starts (exit 2)', async () => {
    for (const [args, why] of [
      [['--public-url', 'http://tray.example.com'], /must start with https:\/\//],
      [['--public-url', 'https://tray.example.com/mcp'], /no path, query or #fragment/],
      [['--tunnel', 'frp'], /--tunnel is cloudflared, ngrok or tailscale, not "frp"/],
      [['--tunnel-hostname', 'tray.example.com'], /give --tunnel too/],
      [
        ['--tunnel', 'tailscale', '--tunnel-hostname', 'box.example.ts.net'],
        /stable already: leave out --tunnel-hostname/,
      ],
      [
        ['--tunnel', 'ngrok', '--tunnel-hostname', 'localhost'],
        /this computer, which clients on the internet cannot reach/,
      ],
    ] as const) {
      const { code, stderr } = await runCli(['serve', '--port', '0', ...args]);
      assert.equal(code, 2, stderr);
      assert.match(stderr, why);
    }
  });
});
