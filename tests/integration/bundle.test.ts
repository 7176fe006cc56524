// The built bundle (npm test builds first) as the installer and the bin use it: the entry points exist where
// package.json and electron-builder.yml say, and everything a bundle file loads is there when installed.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseAst } from 'rolldown/parseAst';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const bundle = join(root, 'dist', 'bundle');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};
const files = readdirSync(bundle).filter((name) => name.endsWith('.js'));
const source = (name: string) => readFileSync(join(bundle, name), 'utf8');

interface ModuleSource {
  type?: string;
  value?: unknown;
  quasis?: { value: { cooked?: string } }[];
  expressions?: unknown[];
}

/** Every module specifier a bundle file imports or re-exports, statically or dynamically (parsed, not matched). */
function specifiers(code: string): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const { type, source } = node as { type?: string; source?: ModuleSource };
    if (/^(Import|ExportNamed|ExportAll)Declaration$|^ImportExpression$/.test(type ?? '')) {
      // The minifier writes a dynamic import's name as a template without expressions: import(`mammoth`).
      const name = source?.type === 'Literal' ? source.value : source?.quasis?.[0]?.value.cooked;
      if (typeof name === 'string' && !(source?.expressions?.length ?? 0)) found.add(name);
    }
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
  };
  visit(parseAst(code));
  return [...found];
}

const packageOf = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;

describe('the bundled main process', () => {
  test('the bin, the app entry and the installer point at files the build made', () => {
    const builder = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
      extraMetadata: { main: string };
      files: string[];
    };
    for (const entry of [pkg.main, pkg.bin['mcp-tray']!, builder.extraMetadata.main])
      assert.ok(existsSync(join(root, entry)), `${entry} was not built`);
    assert.equal(builder.extraMetadata.main, pkg.main);
    assert.match(source('mcp-tray.js').split('\n', 1)[0]!, /^#!\/usr\/bin\/env -S node .*--expose-gc/);
    // The keychain helper is started by path, from beside the module that starts it.
    assert.ok(files.includes('keychain-helper.js'));
    assert.ok(builder.files.includes('dist/bundle/**'));
  });

  test('everything a bundle file loads is beside it, built into Node, Electron, or a dependency', () => {
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    const problems: string[] = [];
    for (const name of files) {
      const code = source(name);
      for (const specifier of specifiers(code)) {
        if (specifier.startsWith('./')) {
          if (!existsSync(join(bundle, specifier))) problems.push(`${name}: ${specifier} is missing`);
        } else if (
          !builtins.has(specifier) &&
          specifier !== 'electron' &&
          !(packageOf(specifier) in pkg.dependencies)
        ) {
          problems.push(`${name}: ${specifier} is not a dependency, so an installed app would not have it`);
        }
      }
      // A require of a relative path left in the bundle (a UMD build's, whose factory gets require as a
      // parameter: e("./impl/format")) names a file that is not there when run.
      const relative = /(?<![\w$.])(?!import\()[\w$]+\(\s*["'`]\.\.?\/[^"'`]*["'`]\s*\)/.exec(code);
      if (relative) problems.push(`${name}: ${relative[0]} loads a file the bundle does not have`);
    }
    assert.deepEqual(problems, []);
    // What stays outside the bundle is loaded from node_modules: the document readers (and keytar, a native
    // addon, which the keychain helper requires; the keychain tests run it).
    const outside = new Set(
      files
        .flatMap((name) => specifiers(source(name)))
        .filter((s) => !s.startsWith('./') && !builtins.has(s)),
    );
    assert.deepEqual([...outside].map(packageOf).sort(), ['electron', 'mammoth', 'pdfjs-dist']);
  });

  test('source text is ASCII, which V8 holds at one byte a character', () => {
    const wide = files.filter((name) => /[\u0080-\uffff]/.test(source(name)));
    assert.deepEqual(wide, []);
  });
});
