import { readFile } from 'node:fs/promises';
import { InputError } from '../app-error.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import {
  clientConfigPaths,
  IMPORT_SOURCES,
  parseClientConfig,
  type ImportCandidate,
  type ImportSource,
} from './client-imports.ts';
import { addServer } from './servers-admin.ts';
import type { ServersFile } from './servers-file.ts';

/** What importing a client's servers would do. */
export interface ImportPlan {
  path: string;
  adding: ImportCandidate[];
  /** Entries left out, each with why (a name that exists, a value that cannot be read...). */
  skipped: string[];
}

export interface ImportPlace {
  /** The client's file, when given; else where the client keeps it on this OS. */
  file?: string | undefined;
  platform: NodeJS.Platform;
  home: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function importSource(value: string | undefined): ImportSource {
  const found = IMPORT_SOURCES.find((source) => source === value);
  if (found === undefined)
    throw new InputError(
      'usage',
      `Importing needs one of ${IMPORT_SOURCES.join(', ')}${value === undefined ? '' : `, not "${value}"`}.`,
      { field: 'from' },
    );
  return found;
}

async function readConfig(source: ImportSource, place: ImportPlace) {
  const paths =
    place.file !== undefined
      ? [place.file]
      : clientConfigPaths(source, place.platform, place.home, place.env);
  for (const path of paths) {
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new InputError('import_failed', `${path} cannot be read (${error.code ?? error.message}).`);
    });
    if (text !== undefined) return { path, text };
  }
  throw new InputError(
    'import_failed',
    `No ${source} config was found (looked in ${paths.join(', ')}); give the path of its file.`,
    { field: 'file' },
  );
}

/** Reads a client's config (never changing it) and says which servers importing would add. */
export async function planImport(
  source: ImportSource,
  place: ImportPlace,
  servers: ServersFile,
): Promise<ImportPlan> {
  const { path, text } = await readConfig(source, place);
  const found = parseClientConfig(source, text, path, place.env, place.cwd);
  const names = new Set((await servers.read()).servers.map((s) => s.name));
  const plan: ImportPlan = { path, adding: [], skipped: [] };
  for (const candidate of found.candidates) {
    if (names.has(candidate.server.name))
      plan.skipped.push(`${candidate.original}: a server named "${candidate.server.name}" exists already`);
    else {
      names.add(candidate.server.name);
      plan.adding.push(candidate);
    }
  }
  plan.skipped.push(...found.skipped);
  return plan;
}

/** Adds what a plan found; returns the names added. */
export async function applyImport(
  plan: ImportPlan,
  servers: ServersFile,
  secrets: SecretStore,
): Promise<string[]> {
  const added: string[] = [];
  for (const { server } of plan.adding) {
    await addServer(servers, secrets, server, Date.now);
    added.push(server.name);
  }
  return added;
}

/** One line per server a plan adds: its name, what it runs or reaches, and which values go to the secret store. */
export function describeCandidate({ original, server }: ImportCandidate): {
  name: string;
  original: string;
  what: string;
  secrets: string[];
} {
  const what = 'url' in server ? server.url : [server.command, ...server.args].join(' ');
  const secrets = Object.keys('url' in server ? server.secretHeaders : server.secretEnv);
  return { name: server.name, original, what, secrets };
}
