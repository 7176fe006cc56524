import { InputError } from '../app-error.ts';
import type { ServerEntry } from './server-entry.ts';
import { clashes, type Probe } from './server-probe.ts';
import { approveAll } from './tool-pins.ts';

/** Starting a new server once before it is kept, and the tool names it must not take. */
export interface AddCheck {
  probe(entry: ServerEntry): Promise<Probe>;
  builtInTools: readonly string[];
}

/**
 * What starting the new server once showed, checked: a command that does not exist, or tools whose names
 * others have, refuse it; the tools it offered are approved (the person adding it saw them).
 */
export async function checkedAtAdd(
  entry: ServerEntry,
  check: AddCheck,
  others: readonly ServerEntry[],
): Promise<Probe> {
  const probe = await check.probe(entry);
  if (!probe.started) {
    if (probe.missing)
      throw new InputError('server_command_not_found', `"${entry.name}" cannot start: ${probe.reason}.`, {
        field: 'command',
      });
    return probe;
  }
  const clash = clashes(entry, probe.tools, others, check.builtInTools);
  if (clash.length > 0)
    throw new InputError(
      'tool_name_collision',
      `"${entry.name}" would offer ${clash
        .slice(0, 3)
        .map((c) => `${c.as}, which ${c.owner} offers already`)
        .join(
          '; ',
        )}${clash.length > 3 ? ` (and ${clash.length - 3} more)` : ''}. Give "${entry.name}" a tool prefix of its own.`,
      { field: 'prefix' },
    );
  entry.approvedTools = approveAll(probe.tools);
  return probe;
}
