import {
  createScanner,
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { isDeepStrictEqual } from 'node:util';
import { ConfigFileError, lineAndColumn } from './config-file-error.ts';
import { sameExcept, type JsonValue } from './json-compare.ts';

// Edits of JSON and JSONC files made by hand: only MCP Tray's member is written or removed, so every other
// member keeps its formatting and every comment stays where it was (jsonc-parser's own `modify` reformats
// the neighbouring members and can drop the comment before the next one).

/** The tree of a JSON or JSONC file (an empty file is an empty object), or an error saying where it breaks. */
function treeOf(text: string, file: string): Node {
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

/** What a JSON or JSONC file holds, or an error saying where it cannot be read. */
export function readJsonc(text: string, file: string): unknown {
  // As plain objects (the parser's have no prototype), so they compare with what MCP Tray writes.
  return JSON.parse(JSON.stringify(getNodeValue(treeOf(text, file)))) as unknown;
}

interface Edit {
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

/** Applies `edits`, then checks that nothing but `path` changed and no comment outside the edits was lost. */
function finish(text: string, edits: Edit[], file: string, path: string[], value?: JsonValue): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset))
    result = result.slice(0, edit.offset) + edit.content + result.slice(edit.offset + edit.length);
  sameExcept(readJsonc(text, file), readJsonc(result, file), path, value, file);
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

const lineStartOf = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const lineEndOf = (text: string, offset: number) => {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
};
const indentAt = (text: string, offset: number) =>
  /^[ \t]*/.exec(text.slice(lineStartOf(text, offset)))?.[0] ?? '';
/** The file's indentation step: its first indented line's, else two spaces. */
const indentUnit = (text: string) => /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
const render = (value: JsonValue, unit: string, indent: string) =>
  JSON.stringify(value, null, unit).replaceAll('\n', `\n${indent}`);

/** Where the comma between `from` and `to` is (outside comments: only those and spaces are there), or -1. */
function commaBetween(text: string, from: number, to: number): number {
  for (let i = from; i < to; i += 1) {
    if (text.startsWith('//', i)) i = lineEndOf(text, i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) + 1;
    else if (text[i] === ',') return i;
  }
  return -1;
}

/** Adds `key: value` as the last member of `object`, on a line of its own when the object spans lines. */
function addMember(text: string, object: Node, key: string, value: JsonValue): Edit[] {
  const unit = indentUnit(text);
  const close = object.offset + object.length - 1;
  const last = object.children?.at(-1);
  if (last === undefined) {
    const indent = indentAt(text, object.offset);
    const inner = indent + unit;
    const member = `${JSON.stringify(key)}: ${render(value, unit, inner)}`;
    return [{ offset: object.offset, length: object.length, content: `{\n${inner}${member}\n${indent}}` }];
  }
  const indent = indentAt(text, last.offset);
  const lastEnd = last.offset + last.length;
  const commaAt = commaBetween(text, lastEnd, close);
  const comma = commaAt !== -1;
  if (!text.slice(object.offset, close).includes('\n')) {
    // One line: `{"a": 1}` becomes `{"a": 1, "key": {…}}`, as compact as it was.
    const member = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    return [{ offset: comma ? commaAt + 1 : lastEnd, length: 0, content: `${comma ? '' : ','} ${member}` }];
  }
  const member = `${JSON.stringify(key)}: ${render(value, unit, indent)}`;
  // After the last member's line (and that line's comment), before the closing brace.
  const at = Math.min(lineEndOf(text, lastEnd), close);
  const edits: Edit[] = [{ offset: at, length: 0, content: `\n${indent}${member}` }];
  if (!comma) edits.push({ offset: lastEnd, length: 0, content: ',' });
  return edits;
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
    return finish(source, [{ offset: existing.offset, length: existing.length, content }], file, path, value);
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
  return finish(source, addMember(source, parent, path[depth]!, nested), file, path, value);
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
  const end = member.offset + member.length;
  const ownLine = text.slice(lineStartOf(text, member.offset), member.offset).trim() === '';
  const start = ownLine ? lineStartOf(text, member.offset) : member.offset;
  const following = /^[ \t]*,/.exec(text.slice(end));
  let stop = following === null ? end : end + following[0].length;
  if (ownLine && /^\s*(\/\/.*)?$/.test(text.slice(stop, lineEndOf(text, stop))))
    stop = Math.min(lineEndOf(text, stop) + 1, text.length);
  const edits: Edit[] = [{ offset: start, length: stop - start, content: '' }];
  const index = siblings.indexOf(member);
  if (following === null && index > 0) {
    // The last member: the comma after the one before it goes too.
    const previous = siblings[index - 1]!;
    const comma = commaBetween(text, previous.offset + previous.length, start);
    if (comma !== -1) edits.push({ offset: comma, length: 1, content: '' });
  }
  return finish(text, edits, file, path);
}
