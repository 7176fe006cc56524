import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InputError, NotFoundError } from '../core/app-error.ts';
import { GatewayStateFile } from '../core/gateway/gateway-state-file.ts';
import { ServersFile } from '../core/gateway/servers-file.ts';
import { approveServer, removeServer, setServerEnabled } from '../core/gateway/servers-admin.ts';
import { readLogTail, upstreamLogPath } from '../core/gateway/upstream-log.ts';
import { openSecretStore, parseSecretStoreKind } from '../core/keys/open-secret-store.ts';
import { resolveDataDir } from '../core/server/server-config.ts';
import type { CommandIo } from './command-io.ts';
import { FILE_STORE_WARNING } from './secret-store-advice.ts';
import { serversAdd } from './servers-add.ts';
import { importServers } from './servers-import.ts';
import { describeServers, SERVERS_HELP, serverViews } from './servers-output.ts';

const OPTIONS = {
  'data-dir': { type: 'string' },
  'secret-store': { type: 'string' },
  json: { type: 'boolean' },
  env: { type: 'string', multiple: true },
  'secret-env': { type: 'string', multiple: true },
  cwd: { type: 'string' },
  prefix: { type: 'string' },
  'no-prefix': { type: 'boolean' },
  url: { type: 'string' },
  header: { type: 'string', multiple: true },
  'secret-header': { type: 'string', multiple: true },
  lines: { type: 'string' },
  from: { type: 'string' },
  file: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'no-check': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `servers add NAME [options] -- COMMAND [ARG]...`: what comes after `--` is the server's own command line. */
function splitCommandLine(args: string[]): { ours: string[]; command: string[] } {
  const at = args.indexOf('--');
  return at < 0 ? { ours: args, command: [] } : { ours: args.slice(0, at), command: args.slice(at + 1) };
}

export async function serversCommand(args: string[], io: CommandIo): Promise<number> {
  const { ours, command } = splitCommandLine(args);
  const { values, positionals } = parseArgs({ args: ours, options: OPTIONS, allowPositionals: true });
  const [action, name, ...extra] = positionals;
  if (action === 'import' && name !== undefined) extra.unshift(name);
  if (values.help || action === undefined || action === 'help') {
    io.stdout(SERVERS_HELP);
    return 0;
  }
  if (extra.length > 0) throw new InputError('usage', `Unexpected "${extra.join(' ')}". ${SERVERS_HELP}`);
  const needName = () => {
    if (name === undefined)
      throw new InputError(
        'usage',
        `"servers ${action}" needs a server name: mcp-tray servers ${action} NAME`,
      );
    return name;
  };
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = new ServersFile(dataDir);
  const kind = parseSecretStoreKind(values['secret-store']);
  const secrets = () => {
    if (kind === 'file') io.logger.warn(FILE_STORE_WARNING);
    return openSecretStore(kind, dataDir);
  };

  switch (action) {
    case 'add':
      return serversAdd({ name: needName(), values, command }, file, secrets(), io);
    case 'list': {
      const views = serverViews((await file.read()).servers, await GatewayStateFile.read(dataDir));
      io.stdout(values.json ? `${JSON.stringify({ servers: views }, null, 2)}\n` : describeServers(views));
      return 0;
    }
    case 'enable':
    case 'disable': {
      const changed = await setServerEnabled(file, needName(), action === 'enable');
      io.stdout(
        `${changed ? (action === 'enable' ? 'Enabled' : 'Disabled') : 'Already ' + action + 'd:'} "${name}".\n`,
      );
      return 0;
    }
    case 'remove': {
      await removeServer(file, secrets(), needName());
      io.stdout(`Removed "${name}" and its secret values.\n`);
      return 0;
    }
    case 'approve': {
      const server = needName();
      const running = (await GatewayStateFile.read(dataDir))?.servers.find((s) => s.name === server);
      const offered = running?.heldBack.flatMap((held) =>
        held.offered === undefined ? [] : [[held.tool, held.offered] as const],
      );
      const result = await approveServer(
        file,
        server,
        offered === undefined ? undefined : Object.fromEntries(offered),
      );
      io.stdout(
        result === 'at-next-start'
          ? `No running MCP Tray serves "${server}": the tools it offers at its next start will be approved.\n`
          : offered?.length === 0
            ? `Nothing of "${server}" waits for approval.\n`
            : `Approved ${offered?.map(([tool]) => tool).join(', ')} of "${server}".\n`,
      );
      return 0;
    }
    case 'logs': {
      if (!(await file.read()).servers.some((s) => s.name === needName()))
        throw new NotFoundError('unknown_server', `No server is named "${name}".`);
      const path = upstreamLogPath(dataDir, needName());
      const count = /^\d+$/.test(values.lines ?? '50') ? Number(values.lines ?? 50) : 50;
      const lines = await readLogTail(path, count);
      io.stdout(
        lines.length === 0 ? `"${name}" has written nothing yet (${path}).\n` : `${lines.join('\n')}\n`,
      );
      return 0;
    }
    case 'import':
      return importServers(
        { from: values.from, file: values.file, dryRun: values['dry-run'] === true },
        file,
        secrets,
        io,
      );
    default:
      throw new InputError('usage', `Unknown servers command "${action}".\n\n${SERVERS_HELP}`);
  }
}
