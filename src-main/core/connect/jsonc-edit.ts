import { findNodeAtLocation, getNodeValue } from 'jsonc-parser';
import { isDeepStrictEqual } from 'node:util';
import { ConfigFileError } from './config-file-error.ts';
import { sameExcept, type JsonValue } from './json-compare.ts';
import {
  appendChild,
  applyEdits,
  indentAt,
  indentUnit,
  plainValue,
  removalEdits,
  render,
  treeOf,
} from './jsonc-text.ts';

// Edits of JSON and JSONC files made by hand: only MCP Tray's member is written or removed, so every other
// member keeps its formatting and every comment stays where it was (jsonc-parser's own `modify` reformats
// the neighbouring members and can drop the comment before the next one).

/** What a JSON or JSONC file holds, or an error saying where it cannot be read. */
export function readJsonc(text: string, file: string): unknown {
  return plainValue(text, file);
}

/**
 * `text` with `value` at `path` (objects made as needed); every other member, comment and blank line as it
 * was. Checked after the edit: anything else that came out different makes it an error.
 */
export function setJsonc(text: string, file: string, path: string[], value: JsonValue): string {
  const source = text.trim() === '' ? '{}\n' : text;
  const tree = treeOf(source, file);
  const existing = findNodeAtLocation(tree, path);
  if (existing !== undefined) {
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(getNodeValue(existing))), value)) return text;
    const content = render(value, indentUnit(source), indentAt(source, existing.parent!.offset));
    return applyEdits(
      source,
      [{ offset: existing.offset, length: existing.length, content }],
      file,
      (before, after) => sameExcept(before, after, path, value, file),
    );
  }
  let depth = path.length - 1;
  while (depth > 0 && findNodeAtLocation(tree, path.slice(0, depth)) === undefined) depth -= 1;
  const parent = depth === 0 ? tree : findNodeAtLocation(tree, path.slice(0, depth))!;
  if (parent.type !== 'object')
    throw new ConfigFileError(
      `${file}: "${path.slice(0, depth).join('.')}" is not an object, so MCP Tray's entry cannot go in it; nothing was changed.`,
      'config_edit_refused',
    );
  let nested: JsonValue = value;
  for (let i = path.length - 1; i > depth; i -= 1) nested = { [path[i]!]: nested };
  return applyEdits(
    source,
    appendChild(source, parent, `${JSON.stringify(path[depth]!)}: `, nested),
    file,
    (before, after) => sameExcept(before, after, path, value, file),
  );
}

/**
 * `text` without the member at `path`: its lines (and a comment that ends its last line) and the comma that
 * joined it; the rest as it was. Unchanged when there is no such member.
 */
export function removeJsonc(text: string, file: string, path: string[]): string {
  if (text.trim() === '') return text;
  const member = findNodeAtLocation(treeOf(text, file), path)?.parent;
  const siblings = member?.parent?.children;
  if (member === undefined || siblings === undefined) return text;
  const edits = removalEdits(text, member, siblings);
  return applyEdits(text, edits, file, (before, after) => sameExcept(before, after, path, undefined, file));
}
