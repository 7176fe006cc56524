import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { InputError } from '../core/app-error.ts';
import {
  clientConfigPaths,
  IMPORT_SOURCES,
  parseClientConfig,
  type ImportSource,
} from '../core/gateway/client-imports.ts';
import type { ServersFile } from '../core/gateway/servers-file.ts';
import { addServer } from '../core/gateway/servers-admin.ts';
import type { SecretStore } from '../core/keys/secret-store.ts';
import type { CommandIo } from './command-io.ts';

function sourceOf(value: string | undefined): ImportSource {
  const found = IMPORT_SOURCES.find((source) => source === value);
  if (found === undefined)
    throw new InputError(
      'usage',
      `"servers import" needs --from and one of ${IMPORT_SOURCES.join(', ')}${value === undefined ? '' : `, not "${value}"`}.`,
    );
  return found;
}

async function readConfig(source: ImportSource, file: string | undefined, io: CommandIo) {
  const paths = file !== undefined ? [file] : clientConfigPaths(source, process.platform, homedir(), io.env);
  for (const path of paths) {
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new InputError('import_failed', `${path} cannot be read (${error.code ?? error.message}).`);
    });
    if (text !== undefined) return { path, text };
  }
  throw new InputError(
    'import_failed',
    `No ${source} config was found (looked in ${paths.join(', ')}); give its file with --file PATH.`,
  );
}

/**
 * `servers import --from CLIENT [--file PATH] [--dry-run]`: adds the servers of a client's config, the names
 * that exist skipped, secret-looking values to the secret store. The client's file is only read.
 */
export async function importServers(
  options: { from: string | undefined; file: string | undefined; dryRun: boolean },
  servers: ServersFile,
  secrets: () => SecretStore,
  io: CommandIo,
): Promise<number> {
  const source = sourceOf(options.from);
  const { path, text } = await readConfig(source, options.file, io);
  const found = parseClientConfig(source, text, path, io.env, process.cwd());
  const existing = new Set((await servers.read()).servers.map((s) => s.name));
  const lines: string[] = [`From ${path}:`];
  const adding = found.candidates.filter((c) => {
    if (!existing.has(c.server.name)) {
      existing.add(c.server.name);
      return true;
    }
    lines.push(`  skip ${c.original}: a server named "${c.server.name}" exists already`);
    return false;
  });
  for (const skipped of found.skipped) lines.push(`  skip ${skipped}`);
  for (const { original, server } of adding) {
    const what = 'url' in server ? server.url : [server.command, ...server.args].join(' ');
    const secret = Object.keys('url' in server ? server.secretHeaders : server.secretEnv);
    lines.push(
      `  add ${server.name}${original === server.name ? '' : ` (was "${original}")`}: ${what}${secret.length > 0 ? `; to the secret store: ${secret.join(', ')}` : ''}`,
    );
  }
  if (adding.length === 0) lines.push('  nothing to add');
  if (options.dryRun || adding.length === 0) {
    io.stdout(`${lines.join('\n')}\n${options.dryRun ? 'Dry run: nothing was changed.\n' : ''}`);
    return 0;
  }
  const store = secrets();
  for (const { server } of adding) await addServer(servers, store, server, Date.now);
  io.stdout(
    `${lines.join('\n')}\nAdded ${adding.length} server${adding.length === 1 ? '' : 's'}; ${path} was not changed.\n`,
  );
  return 0;
}
