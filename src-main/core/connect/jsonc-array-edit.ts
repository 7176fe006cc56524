import { findNodeAtLocation, getNodeValue, type Node } from 'jsonc-parser';
import { isDeepStrictEqual } from 'node:util';
import { ConfigFileError } from './config-file-error.ts';
import type { JsonValue } from './json-compare.ts';
import { setJsonc } from './jsonc-edit.ts';
import { appendChild, applyEdits, indentAt, indentUnit, removalEdits, render, treeOf } from './jsonc-text.ts';

// Edits of one item of an array of objects told apart by `id` (VS Code's `inputs`), made like the member
// edits: the item alone is written or removed, and the file is checked to hold exactly that change.

type Item = { id: string } & { [key: string]: JsonValue };

const plain = (node: Node): unknown => JSON.parse(JSON.stringify(getNodeValue(node))) as unknown;
const idOf = (node: Node) => {
  const value = plain(node);
  return typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
};

function arrayAt(text: string, file: string, path: string[]): Node | undefined {
  const array = findNodeAtLocation(treeOf(text, file), path);
  if (array !== undefined && array.type !== 'array')
    throw new ConfigFileError(
      `${file}: "${path.join('.')}" is not a list, so MCP Tray's item cannot go in it; nothing was changed.`,
      'config_edit_refused',
    );
  return array;
}

/** Checks that `after` is `before` with the array at `path` turned into `expected`. */
function checkArray(path: string[], expected: (items: unknown[]) => unknown[], file: string) {
  return (before: unknown, after: unknown) => {
    const want = structuredClone(before) as Record<string, unknown>;
    let parent = want;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
    const last = path.at(-1)!;
    parent[last] = expected((parent[last] as unknown[] | undefined) ?? []);
    if (!isDeepStrictEqual(want, after))
      throw new ConfigFileError(
        `MCP Tray's edit of ${file} would have changed more than its own entry, so it was not made; the file is as it was.`,
        'config_edit_refused',
      );
  };
}

/** `text` with `item` in the array at `path`: in place of the item with the same id, else at its end. */
export function setJsoncArrayItem(text: string, file: string, path: string[], item: Item): string {
  const source = text.trim() === '' ? '{}\n' : text;
  const array = arrayAt(source, file, path);
  if (array === undefined) return setJsonc(text, file, path, [item]);
  const children = array.children ?? [];
  const index = children.findIndex((child) => idOf(child) === item.id);
  const existing = children[index];
  if (existing !== undefined) {
    if (isDeepStrictEqual(plain(existing), item)) return text;
    const content = render(item, indentUnit(source), indentAt(source, existing.offset));
    return applyEdits(
      source,
      [{ offset: existing.offset, length: existing.length, content }],
      file,
      checkArray(path, (items) => items.map((old, i) => (i === index ? item : old)), file),
    );
  }
  return applyEdits(
    source,
    appendChild(source, array, '', item),
    file,
    checkArray(path, (items) => [...items, item], file),
  );
}

/** `text` without the item whose id is `id` in the array at `path`; unchanged when there is none. */
export function removeJsoncArrayItem(text: string, file: string, path: string[], id: string): string {
  if (text.trim() === '') return text;
  const children = arrayAt(text, file, path)?.children ?? [];
  const index = children.findIndex((child) => idOf(child) === id);
  const item = children[index];
  if (item === undefined) return text;
  return applyEdits(
    text,
    removalEdits(text, item, children),
    file,
    checkArray(path, (items) => items.filter((_, i) => i !== index), file),
  );
}
