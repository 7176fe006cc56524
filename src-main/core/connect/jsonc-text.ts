import {
  createScanner,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { isDeepStrictEqual } from 'node:util';
import { ConfigFileError, lineAndColumn } from './config-file-error.ts';
import type { JsonValue } from './json-compare.ts';

// The text-level pieces of MCP Tray's JSONC edits: the tree, where lines and commas are, and applying edits
// with the check that nothing else (no value, no comment) changed.

/** The tree of a JSON or JSONC file (an empty file is an empty object), or an error saying where it breaks. */
export function treeOf(text: string, file: string): Node {
  const errors: ParseError[] = [];
  const tree = parseTree(text.trim() === '' ? '{}' : text, errors, { allowTrailingComma: true });
  const first = errors[0];
  if (first !== undefined || tree === undefined) {
    const at = lineAndColumn(text, first?.offset ?? 0);
    const why = first === undefined ? 'no value' : printParseErrorCode(first.error);
    throw new ConfigFileError(
      `${file} cannot be read as JSON at line ${at.line}, column ${at.column} (${why}); fix it or move it aside, then try again. Nothing was changed.`,
    );
  }
  if (tree.type !== 'object')
    throw new ConfigFileError(`${file} holds ${tree.type}, not an object; nothing was changed.`);
  return tree;
}

export interface Edit {
  offset: number;
  length: number;
  content: string;
}

// jsonc-parser's SyntaxKind is a const enum, which this build's module syntax cannot read: its values.
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF = 17;

/** The comments of `text`, with where each starts. */
function comments(text: string): { offset: number; text: string }[] {
  const scanner = createScanner(text, false);
  const found: { offset: number; text: string }[] = [];
  for (let kind: number = scanner.scan(); kind !== EOF; kind = scanner.scan())
    if (kind === LINE_COMMENT || kind === BLOCK_COMMENT)
      found.push({ offset: scanner.getTokenOffset(), text: scanner.getTokenValue() });
  return found;
}

/**
 * Applies `edits`, then lets `check` compare what the file held before and after (it throws when more than
 * MCP Tray's part changed), and checks that no comment outside the edits was lost.
 */
export function applyEdits(
  text: string,
  edits: Edit[],
  file: string,
  check: (before: unknown, after: unknown) => void,
): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset))
    result = result.slice(0, edit.offset) + edit.content + result.slice(edit.offset + edit.length);
  check(plainValue(text, file), plainValue(result, file));
  const kept = comments(text)
    .filter((c) => !edits.some((e) => c.offset >= e.offset && c.offset < e.offset + e.length))
    .map((c) => c.text);
  if (
    !isDeepStrictEqual(
      kept,
      comments(result).map((c) => c.text),
    )
  )
    throw new ConfigFileError(
      `MCP Tray's edit of ${file} would have moved or dropped a comment, so it was not made; the file is as it was.`,
      'config_edit_refused',
    );
  return result;
}

export const lineStartOf = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
export const lineEndOf = (text: string, offset: number) => {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
};
export const indentAt = (text: string, offset: number) =>
  /^[ \t]*/.exec(text.slice(lineStartOf(text, offset)))?.[0] ?? '';
/** The file's indentation step: its first indented line's, else two spaces. */
export const indentUnit = (text: string) => /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
export const render = (value: JsonValue, unit: string, indent: string) =>
  JSON.stringify(value, null, unit).replaceAll('\n', `\n${indent}`);

/** Where the comma between `from` and `to` is (outside comments: only those and spaces are there), or -1. */
export function commaBetween(text: string, from: number, to: number): number {
  for (let i = from; i < to; i += 1) {
    if (text.startsWith('//', i)) i = lineEndOf(text, i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) + 1;
    else if (text[i] === ',') return i;
  }
  return -1;
}

/** What a JSON or JSONC text holds, as plain objects (the parser's have no prototype). */
export function plainValue(text: string, file: string): unknown {
  return JSON.parse(JSON.stringify(getNodeValue(treeOf(text, file)))) as unknown;
}

/**
 * Edits that add a child at the end of `container` (an object or an array): `prefix` is `"key": ` for a
 * member, empty for an item. On a line of its own when the container spans lines, else as compact as it was.
 */
export function appendChild(text: string, container: Node, prefix: string, value: JsonValue): Edit[] {
  const unit = indentUnit(text);
  const close = container.offset + container.length - 1;
  const [open, end] = container.type === 'array' ? ['[', ']'] : ['{', '}'];
  const last = container.children?.at(-1);
  if (last === undefined) {
    const indent = indentAt(text, container.offset);
    const inner = indent + unit;
    const child = `${prefix}${render(value, unit, inner)}`;
    return [
      {
        offset: container.offset,
        length: container.length,
        content: `${open}\n${inner}${child}\n${indent}${end}`,
      },
    ];
  }
  // For a member, `last` is its property node; for an item, the item itself.
  const indent = indentAt(text, last.offset);
  const lastEnd = last.offset + last.length;
  const commaAt = commaBetween(text, lastEnd, close);
  const comma = commaAt !== -1;
  if (!text.slice(container.offset, close).includes('\n')) {
    // Spaced like a person writes one line (`{ "a": 1, "b": [ "x" ] }`), not JSON.stringify's `{"a":1}`.
    const child = `${prefix}${JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ')}`;
    // A trailing comma the file had stays trailing (after the new child), so removing it gives the file back.
    return [
      { offset: comma ? commaAt + 1 : lastEnd, length: 0, content: comma ? ` ${child},` : `, ${child}` },
    ];
  }
  const child = `${prefix}${render(value, unit, indent)}`;
  // After the last child's line (and that line's comment), before the closing bracket.
  const at = Math.min(lineEndOf(text, lastEnd), close);
  const edits: Edit[] = [{ offset: at, length: 0, content: `\n${indent}${child}${comma ? ',' : ''}` }];
  if (!comma) edits.push({ offset: lastEnd, length: 0, content: ',' });
  return edits;
}

/**
 * Edits that remove `node` (a property or an item) from among `siblings`: its lines (and a comment that ends
 * its last line) and the comma that joined it.
 */
export function removalEdits(text: string, node: Node, siblings: Node[]): Edit[] {
  const end = node.offset + node.length;
  const ownLine = text.slice(lineStartOf(text, node.offset), node.offset).trim() === '';
  const start = ownLine ? lineStartOf(text, node.offset) : node.offset;
  const following = /^[ \t]*,/.exec(text.slice(end));
  let stop = following === null ? end : end + following[0].length;
  if (ownLine && /^\s*(\/\/.*)?$/.test(text.slice(stop, lineEndOf(text, stop))))
    stop = Math.min(lineEndOf(text, stop) + 1, text.length);
  const edits: Edit[] = [{ offset: start, length: stop - start, content: '' }];
  const index = siblings.indexOf(node);
  if (following === null && index > 0) {
    // The last child: the comma after the one before it goes too.
    const previous = siblings[index - 1]!;
    const comma = commaBetween(text, previous.offset + previous.length, start);
    if (comma !== -1) edits.push({ offset: comma, length: 1, content: '' });
  }
  return edits;
}
