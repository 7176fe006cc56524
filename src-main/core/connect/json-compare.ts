import { isDeepStrictEqual } from 'node:util';
import { ConfigFileError } from './config-file-error.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** `value` without what is at `path` (a copy; `value` itself is untouched). */
function without(value: unknown, path: string[]): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (!Object.hasOwn(copy, head)) return copy;
  if (rest.length === 0) delete copy[head];
  else copy[head] = without(copy[head], rest);
  return copy;
}

function at(value: unknown, path: string[]): unknown {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Drops the objects that only held `path` (made for it, or left empty by its removal). */
function pruned(value: unknown, path: string[]): unknown {
  const parents = path.slice(0, -1);
  let result = without(value, path);
  for (let depth = parents.length; depth > 0; depth -= 1) {
    const parent = at(result, parents.slice(0, depth));
    if (typeof parent === 'object' && parent !== null && Object.keys(parent).length === 0)
      result = without(result, parents.slice(0, depth));
    else break;
  }
  return result;
}

/**
 * The check after every edit: `after` holds `value` at `path` (nothing there when `value` is undefined),
 * and apart from that, and from objects made for it, it holds exactly what `before` did.
 */
export function sameExcept(
  before: unknown,
  after: unknown,
  path: string[],
  value: JsonValue | undefined,
  file: string,
): void {
  const written = at(after, path);
  const placed = value === undefined ? written === undefined : isDeepStrictEqual(written, value);
  if (!placed || !isDeepStrictEqual(pruned(before, path), pruned(after, path)))
    throw new ConfigFileError(
      `MCP Tray's edit of ${file} would have changed more than its own entry, so it was not made; the file is as it was.`,
      'config_edit_refused',
    );
}
