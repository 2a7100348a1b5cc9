// Bundles every entry point into dist/. `node esbuild.mjs --watch` rebuilds on change;
// `--production` minifies (used for the .vsix).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'server/src/cli/index.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'server/src/lsp/main.ts', out: 'server' },
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'test/extension-host/index.ts', out: 'test/extension-host', external: ['vscode', 'mocha'] },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: { [e.out]: e.in },
      outdir: 'dist',
      bundle: true,
      platform: 'node',
      // jsonc-parser's UMD build hides its requires from bundlers; its ES module build does not.
      alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
      target: 'node20',
      format: 'cjs',
      minify: production,
      sourcemap: !production,
      sourcesContent: false,
      external: e.external ?? [],
      // Some dependencies ship only ES modules that read import.meta.url; give them the bundle's own URL.
      define: { 'import.meta.url': '__bundleUrl' },
      banner: { js: [e.banner, "const __bundleUrl = require('url').pathToFileURL(__filename).href;"].filter(Boolean).join('\n') },
      logLevel: 'warning',
      legalComments: 'none',
      metafile: true,
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching…');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
