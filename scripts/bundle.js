#!/usr/bin/env node
// Part of `npm run build`: bundles the compiled command line into dist/bundle/ for start-up.
// Node's ESM loader resolved, read and linked some 300 small modules (micromark alone is
// dozens) on every run and in every --jobs worker. Chunks are split at the CLI's lazy imports,
// so --help loads no engine; worker.js and import-probe.js sit beside the chunks, where the
// engine looks for them.
// bin/stratlint.js uses the bundle when it is there; the library (dist/src) is not bundled.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    cli: join(root, 'dist/src/cli/main.js'),
    worker: join(root, 'dist/src/engine/worker.js'),
    'import-probe': join(root, 'dist/src/engine/import-probe.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  // PDF.js (4 MB, loaded only for a PDF) stays in node_modules, imported from there when needed.
  external: ['pdfjs-dist'],
  // CommonJS dependencies (adm-zip, dayjs…) call require(); give each chunk a real one.
  banner: { js: "import { createRequire as __stratlintRequire } from 'node:module';\nconst require = __stratlintRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
