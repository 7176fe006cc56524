import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { htmlText } from './html-text.ts';

export type DocumentType = 'text' | 'markdown' | 'code' | 'data' | 'html' | 'pdf' | 'docx';

export interface DocumentText {
  type: DocumentType;
  title: string;
  text: string;
}

const BY_EXTENSION: Record<string, DocumentType> = {};
const add = (type: DocumentType, extensions: string) => {
  for (const ext of extensions.split(' ')) BY_EXTENSION[ext] = type;
};
add('markdown', '.md .markdown .mdx');
add('html', '.html .htm .xhtml');
add('pdf', '.pdf');
add('docx', '.docx');
add('data', '.json .jsonc .yaml .yml .toml .csv .tsv .xml .ini .cfg .conf .env.example');
add(
  'code',
  '.ts .tsx .js .jsx .mjs .cjs .py .rb .go .rs .java .kt .kts .swift .c .h .cc .cpp .hpp .cs .php .sh .bash .zsh .fish .ps1 .sql .r .lua .pl .scala .dart .vue .svelte .css .scss .less .ex .exs .erl .hs .clj .ml .nim .zig .tf .gradle .makefile .dockerfile',
);
add('text', '.txt .text .rst .adoc .org .log .tex .bib .srt .vtt');

/** Never text, whatever is inside: skipped without reading them. */
const BINARY = new Set(
  '.png .jpg .jpeg .gif .webp .bmp .ico .tiff .heic .psd .mp3 .wav .flac .ogg .m4a .mp4 .mov .avi .mkv .webm .zip .gz .tgz .bz2 .xz .7z .rar .tar .dmg .iso .exe .dll .so .dylib .bin .o .a .class .jar .wasm .pyc .woff .woff2 .ttf .otf .eot .sqlite .db .doc .xls .xlsx .ppt .pptx .key .numbers .pages'.split(
    ' ',
  ),
);

/** What kind of document a file is by its name; undefined for a binary kind that is never read. */
export function documentType(path: string): DocumentType | undefined {
  const name = basename(path).toLowerCase();
  const ext = extname(name);
  if (BINARY.has(ext)) return undefined;
  if (name === 'makefile' || name === 'dockerfile') return 'code';
  return BY_EXTENSION[ext] ?? 'text';
}

/** A Markdown document's title: its front matter's `title`, else its first `#` heading. */
function markdownTitle(text: string): string | undefined {
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
  const fromFront = front === undefined ? undefined : /^title:\s*["']?(.+?)["']?\s*$/m.exec(front)?.[1];
  return fromFront ?? /^#\s+(.+?)\s*#*\s*$/m.exec(text)?.[1];
}

/** Plain text files that hold a NUL in their first 8 KiB are binaries under another name. */
function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/**
 * The searchable text of a file and its title (the document's own, or its file name), or undefined when
 * it is not text (a binary, whatever its name). PDFs and Word files are read by their libraries, loaded
 * the first time one is met.
 */
export async function documentText(absPath: string, rel: string): Promise<DocumentText | undefined> {
  const type = documentType(rel);
  if (type === undefined) return undefined;
  const fileName = basename(rel);
  if (type === 'pdf') {
    const { pdfText } = await import('./pdf-text.ts');
    const pdf = await pdfText(await readFile(absPath));
    return { type, title: pdf.title ?? fileName, text: pdf.text };
  }
  if (type === 'docx') {
    const { docxText } = await import('./docx-text.ts');
    return { type, title: fileName, text: await docxText(await readFile(absPath)) };
  }
  const bytes = await readFile(absPath);
  if (looksBinary(bytes)) return undefined;
  const text = new TextDecoder('utf-8').decode(bytes);
  if (type === 'html') {
    const page = htmlText(text);
    return { type, title: page.title ?? fileName, text: page.text };
  }
  if (type === 'markdown') return { type, title: markdownTitle(text) ?? fileName, text };
  return { type, title: fileName, text };
}
