import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeDocx, makePdf } from './test-documents.ts';

/**
 * A folder as a person's would be, made for one test run: notes, code, a web page, a PDF and a Word file,
 * beside what must never be found (ignored by nested .gitignore and a .mcpignore, over the size cap, a
 * secret .env, a link that points outside), each with a word found nowhere else.
 */
export function makeFolderTree(): { root: string; outside: string; other: string } {
  const root = mkdtempSync(join(tmpdir(), 'mcp-tray-folder-'));
  const outside = mkdtempSync(join(tmpdir(), 'mcp-tray-outside-'));
  const other = mkdtempSync(join(tmpdir(), 'mcp-tray-other-'));
  const put = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  put('notes/garden.md', '# Garden plan\n\nTomatoes and basil go in the south bed this spring.\n');
  put(
    'code/invoice.ts',
    'export function computeInvoiceTotal(lines: number[]): number {\n  return lines.reduce((a, b) => a + b, 0);\n}\n',
  );
  put(
    'web/recipes.html',
    '<html><head><title>Recipes</title><script>var trackingPixelSecret = 1;</script><style>.x{}</style></head>' +
      '<body><h1>Soups</h1><p>Lentil &amp; carrot soup, slowly simmered.</p></body></html>',
  );
  put('reports/q3.pdf', makePdf('Quarterly Report', ['Revenue grew in the northern region.', 'Costs fell.']));
  put('letters/budget.docx', makeDocx(['Dear committee,', 'the lighthouse restoration budget is approved.']));
  put('.gitignore', '# drafts stay private\n*.bak\ndrafts/\n');
  put('drafts/plan.md', 'The zeppelin plan is secret.\n');
  put('code/.gitignore', '*.log\n');
  put('code/debug.log', 'quokka sighting in the logs\n');
  put('.mcpignore', 'private/\n');
  put('private/diary.txt', 'Dear diary, a narwhal.\n');
  put('.env', 'API_TOKEN=pangolin-secret\n');
  put('big.txt', `walrus ${'x'.repeat(5000)}\n`);
  put('reports/broken.pdf', 'this is not a PDF at all');
  put('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  writeFileSync(join(outside, 'secret.txt'), 'ocelot: this lives outside the folder\n');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'outside-link.txt'));
  symlinkSync(outside, join(root, 'outside-dir'));
  symlinkSync(join(root, 'notes', 'garden.md'), join(root, 'garden-alias.md'));
  writeFileSync(join(other, 'readme.md'), '# Other things\n\nA platypus lives here.\n');
  return { root, outside, other };
}

/** Words of the tree that no search may find, each with where it hides. */
export const HIDDEN_WORDS: Record<string, string> = {
  zeppelin: 'a folder a .gitignore excludes',
  quokka: 'a file a nested .gitignore excludes',
  narwhal: 'a folder the .mcpignore excludes',
  pangolin: 'a .env file',
  walrus: 'a file over the size cap',
  ocelot: 'a file reached by a link that points outside',
  trackingPixelSecret: 'a script inside a web page',
};
