// `npm run build` bundles the main process: the CLI (package.json's `bin`), the Electron entry (`main`) and
// the keychain helper that both start as a process of its own, into dist/bundle/, minified, with the
// modules each command loads lazily split into chunks beside them. One file per command instead of some
// 600 modules and their source text: an idle `serve` holds about 18 MiB less and answers its first request
// about 60 ms sooner (see README, "Benchmarks"). The renderer is Vite's (vite.config.ts); the sandboxed
// preload stays tsc's (tsconfig.build.json).
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: {
    'mcp-tray': 'src-main/cli/mcp-tray.ts',
    main: 'src-main/app/main.ts',
    // Found beside the module that starts it (keychain-secret-store.ts), so every chunk sits in one folder.
    'keychain-helper': 'src-main/core/keys/keychain-helper.ts',
  },
  platform: 'node',
  resolve: {
    // jsonc-parser's main build is UMD, whose require() calls a bundle cannot follow; its ESM build is the same code.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  },
  external: [
    'electron',
    // A native addon: loaded from node_modules (unpacked from the app's asar).
    /^@github\/keytar(\/|$)/,
    // Document readers, loaded only when a folder holds a PDF or a Word file; pdf.js finds its worker
    // script beside its own module, which a bundle would move.
    /^pdfjs-dist(\/|$)/,
    /^mammoth(\/|$)/,
  ],
  output: {
    dir: 'dist/bundle',
    format: 'esm',
    minify: true,
    // Source text that is all Latin-1 is held by V8 at one byte a character instead of two.
    charset: 'ascii',
    sourcemap: true,
    chunkFileNames: '[name]-[hash].js',
    cleanDir: true,
    // Libraries read a class's or a function's name (oidc-provider's errors are named after their class).
    keepNames: true,
  },
});
