import { homedir } from 'node:os';
import type { ServersFile } from '../core/gateway/servers-file.ts';
import { applyImport, describeCandidate, importSource, planImport } from '../core/gateway/servers-import.ts';
import type { SecretStore } from '../core/keys/secret-store.ts';
import type { CommandIo } from './command-io.ts';

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
  const source = importSource(options.from);
  const place = {
    file: options.file,
    platform: process.platform,
    home: homedir(),
    env: io.env,
    cwd: process.cwd(),
  };
  const plan = await planImport(source, place, servers);
  const lines = [`From ${plan.path}:`, ...plan.skipped.map((why) => `  skip ${why}`)];
  for (const candidate of plan.adding) {
    const { name, original, what, secrets: secret } = describeCandidate(candidate);
    lines.push(
      `  add ${name}${original === name ? '' : ` (was "${original}")`}: ${what}${secret.length > 0 ? `; to the secret store: ${secret.join(', ')}` : ''}`,
    );
  }
  if (plan.adding.length === 0) lines.push('  nothing to add');
  if (options.dryRun || plan.adding.length === 0) {
    io.stdout(`${lines.join('\n')}\n${options.dryRun ? 'Dry run: nothing was changed.\n' : ''}`);
    return 0;
  }
  const added = await applyImport(plan, servers, secrets());
  io.stdout(
    `${lines.join('\n')}\nAdded ${added.length} server${added.length === 1 ? '' : 's'}; ${plan.path} was not changed.\n`,
  );
  return 0;
}
