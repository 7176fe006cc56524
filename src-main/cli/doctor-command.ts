import { parseArgs } from 'node:util';
import { DEFAULT_HOST, MCP_PATH } from '../../src-shared/product.ts';
import { InputError } from '../core/app-error.ts';
import { walkPublicUrl } from '../core/doctor/doctor-steps.ts';
import { resolveDataDir, resolveServerConfig } from '../core/server/server-config.ts';
import { loadSettings } from '../core/settings/settings-file.ts';
import type { CommandIo } from './command-io.ts';

export const DOCTOR_HELP = `Usage: mcp-tray doctor [--url URL] [--key KEY] [--data-dir PATH]

Walks MCP Tray's public URL (the tunnel's, or --url) as ChatGPT's and Claude's connectors would: the address
answers, no warning page is in front, requests without a key are refused, and with the key (--key, or the
MCP_TRAY_KEY environment variable) MCP connects and lists the tools. Each step is printed with its result; the
first that fails comes with its fix. Exit code 0 when every step passes, 1 otherwise.
`;

/** The public URL the server on this computer serves now, asked of it with the key (status:read). */
async function runningPublicUrl(port: number, key: string | undefined): Promise<string | undefined> {
  if (key === undefined) return undefined;
  try {
    const res = await fetch(`http://${DEFAULT_HOST}:${port}${MCP_PATH}/status`, {
      headers: { 'X-API-Key': key },
      signal: AbortSignal.timeout(3_000),
    });
    const status = res.ok ? ((await res.json()) as { publicUrl?: string | null }) : {};
    return status.publicUrl ?? undefined;
  } catch {
    return undefined;
  }
}

const MARK = { pass: 'ok  ', fail: 'FAIL', skip: 'skip' } as const;

/** `mcp-tray doctor`. */
export async function doctorCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string' },
      key: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(DOCTOR_HELP);
    return 0;
  }
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  const settings = await loadSettings(dataDir, (m) => io.logger.warn(m));
  // The port the server on this computer uses: MCP_PORT, then Settings, then the default (as serve decides).
  const { port } = resolveServerConfig({ dataDir }, io.env, settings);
  const key = values.key ?? (io.env['MCP_TRAY_KEY'] !== '' ? io.env['MCP_TRAY_KEY'] : undefined);
  // The running server knows its tunnel's current address; settings only the one set by hand.
  const given = values.url ?? (await runningPublicUrl(port, key)) ?? settings.publicBaseUrl;
  if (given === undefined)
    throw new InputError(
      'usage',
      'There is no public URL to check: give one with --url, or turn a tunnel on (Settings > Expose to the internet) and give a key with status:read.',
      { field: 'url' },
    );
  // A URL given with /mcp at its end is the same address.
  const origin = new URL(given.replace(new RegExp(`${MCP_PATH}/?$`), '')).origin;
  const steps = await walkPublicUrl(origin, key);
  const lines = steps.map((step) => `${MARK[step.outcome]}  ${step.name}: ${step.detail}`);
  const failed = steps.find((step) => step.outcome === 'fail');
  if (failed?.fix !== undefined) lines.push('', `Fix: ${failed.fix}`);
  io.stdout(`Checking ${origin}${MCP_PATH}\n${lines.join('\n')}\n`);
  return failed === undefined ? 0 : 1;
}
