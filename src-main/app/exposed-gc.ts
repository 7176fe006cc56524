import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { memoryReducingCollection } from '../core/server/idle-memory.ts';

/**
 * The main process's memory-reducing collection for core/server/idle-memory.ts (the CLI gets `gc` from its
 * shebang's --expose-gc). Electron's main process takes V8 flags only from the command line it was started
 * with, so the flag is set here, at run time, and `gc` read from a context made after it: V8 gives the
 * function to contexts created once the flag is on.
 */
export function exposedGc(): (() => void) | undefined {
  const own = memoryReducingCollection();
  if (own !== undefined) return own;
  setFlagsFromString('--expose-gc');
  return memoryReducingCollection({ gc: runInNewContext('gc') as unknown });
}
