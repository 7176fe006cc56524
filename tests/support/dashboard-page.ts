import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before } from 'node:test';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { runCli, startServe, type ServeProcess } from './serve-process.ts';

export const SHOTS = join(import.meta.dirname, '..', '..', 'reports', 'screenshots');

/**
 * A real `mcp-tray serve` (file secret store) and one Chromium page on its web dashboard for the tests of the
 * calling file, with the clipboard allowed and console errors collected; `prepare` runs before the browser
 * opens (to make keys with the CLI, say); `options.env` goes to the server (a HOME of the test's own, say).
 */
export function dashboardPageDuringTests(
  prepare: (dataDir: string) => Promise<void> = async () => {},
  options: { env?: Record<string, string> } = {},
) {
  let server: ServeProcess | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let loginUrl = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'mcp-tray-e2e-'));
  const consoleErrors: string[] = [];
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready`);
    return value;
  };
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await prepare(dataDir);
    server = await startServe({
      dataDir,
      args: ['--secret-store', 'file'],
      env: { MCP_API_KEYS: '', ...options.env },
    });
    for (let i = 0; i < 100 && !/\/login\?token=/.test(server.stderr()); i += 1) await sleep(20);
    loginUrl = /(http:\/\/\S+\/login\?token=\S+)/.exec(server.stderr())?.[1] ?? '';
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  const current = () => need(page, 'the page');
  return {
    server: () => need(server, 'the server'),
    browser: () => need(browser, 'the browser'),
    page: current,
    dataDir,
    loginUrl: () => loginUrl,
    consoleErrors,
    /** Screenshots of what the page shows now, light and dark, into reports/screenshots/. */
    async shoot(name: string): Promise<void> {
      for (const scheme of ['light', 'dark'] as const) {
        await current().emulateMedia({ colorScheme: scheme });
        await current().screenshot({ path: join(SHOTS, `${name}-${scheme}.png`), fullPage: true });
      }
      await current().emulateMedia({ colorScheme: 'light' });
    },
    /** An MCP SDK client connected with `key`. */
    async mcpClient(key: string): Promise<Client> {
      const client = new Client({ name: 'e2e-client', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(need(server, 'the server').url), {
          requestInit: { headers: { 'X-API-Key': key } },
        }),
      );
      return client;
    },
    clipboard: () => current().evaluate(() => navigator.clipboard.readText()),
  };
}

/** The keys of a dashboard test's data folder (file secret store), as `keys list --json` gives them. */
export async function storedKeys(dataDir: string): Promise<{ name: string; permissions: string[] }[]> {
  const listed = await runCli(['keys', 'list', '--json', '--secret-store', 'file', '--data-dir', dataDir]);
  return (JSON.parse(listed.stdout) as { keys: { name: string; permissions: string[] }[] }).keys;
}
