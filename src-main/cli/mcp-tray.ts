#!/usr/bin/env -S node --max-semi-space-size=8 --expose-gc --no-memory-reducer
// The V8 flags above: the young generation capped at 8 MiB (under load the default lets it grow to tens of
// MiB, whose scavenges pause for 10 to 20 ms, and RSS settles near 300 MiB instead of 200 MiB; see bench/),
// `gc` for the one memory-reducing collection serve runs once it goes idle (core/server/idle-memory.ts), and
// no V8 memory reducer: that collection does its work, and the reducer would wake an idle serve every 8 s for
// minutes after its last request, to decide each time that there is nothing to collect.
import * as nodeModule from 'node:module';
import { appVersion } from '../core/app-version.ts';
import { isAppError } from '../core/app-error.ts';
import { cliMessage, exitCodeOf } from './cli-failure.ts';
import { streamLogger } from '../core/logger.ts';
import type { CommandIo } from './command-io.ts';

// V8's compiled code of each module a command loads is kept on disk (Node's compile cache, in the OS temp
// folder unless NODE_COMPILE_CACHE says otherwise; checked against each file's contents): a start after the
// first skips compiling them, about 45 ms of serve's cold start (see bench/startup.bench.ts).
// (Node 22.1 and later; an older Node, which a bin run through its shebang may find, starts without it.)
nodeModule.enableCompileCache?.();

const HELP = `Usage: mcp-tray <command> [options]

Commands:
  serve      run the MCP server headless (mcp-tray serve --help for its options)
  keys       create, list, reveal, rotate, revoke and delete API keys (mcp-tray keys help)
  servers    your own MCP servers behind MCP Tray: add, list, enable, disable, remove (mcp-tray servers help)
  folders    folders the search and fetch tools reach: add, list, remove, reindex (mcp-tray folders help)
  dashboard  print a one-time sign-in link to the web dashboard of the running server
  bridge     a stdio MCP server that forwards to the running MCP Tray with a key from the keychain
  connect    write MCP Tray into a client's config (Claude, Codex, ChatGPT desktop, Cursor, VS Code...)
  disconnect take it out again (the file as it was comes back)
  clients    which clients are installed here and which are connected
  doctor     walk the public URL as ChatGPT's and Claude's connectors would, and say what fails
  help       show this text
  version    print the version
`;

function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io: CommandIo = {
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    logger: streamLogger((line) => void process.stderr.write(line)),
    stopSignal: stopSignal(),
  };
  switch (command) {
    // Each command loads only what it needs: `keys` stays quick because it never loads the server.
    case 'serve':
      return (await import('./serve-command.ts')).serveCommand(rest, io);
    case 'keys':
      return (await import('./keys-command.ts')).keysCommand(rest, io);
    case 'servers':
      return (await import('./servers-command.ts')).serversCommand(rest, io);
    case 'folders':
      return (await import('./folders-command.ts')).foldersCommand(rest, io);
    case 'dashboard':
      return (await import('./dashboard-command.ts')).dashboardCommand(rest, io);
    case 'bridge':
      return (await import('./bridge-command.ts')).bridgeCommand(rest, io);
    case 'connect':
    case 'disconnect':
    case 'clients':
      return (await import('./connect-command.ts')).connectCommand(command, rest, io);
    case 'doctor':
      return (await import('./doctor-command.ts')).doctorCommand(rest, io);
    case 'version':
    case '--version':
      io.stdout(`${appVersion()}\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(HELP);
      return 0;
    default:
      process.stderr.write(`mcp-tray: unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

/** Exits once stdout and stderr have been written out: on a pipe they are asynchronous. */
function exit(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

function failureCode(error: unknown, argv: readonly string[]): number {
  if (isAppError(error)) {
    process.stderr.write(`mcp-tray: ${cliMessage(error, argv)}\n`);
    return exitCodeOf(error);
  }
  // parseArgs reports unknown or malformed flags with a code of its own; show it without a stack.
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`mcp-tray: ${(error as Error).message}. Run "mcp-tray help" for the options.\n`);
    return 2;
  }
  process.stderr.write(`mcp-tray: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
  return 1;
}

const argv = process.argv.slice(2);
main(argv).then(exit, (error: unknown) => exit(failureCode(error, argv)));
