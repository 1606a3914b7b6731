// PDF.js (Mozilla's PDF reader, the pdfjs-dist package's build for Node), loaded only when a
// PDF is linted: it is some 4 MB of JavaScript that Markdown and Word runs never need. It runs
// in this thread (its "fake worker"), so nothing is fetched and the engine's --timeout and
// --max-memory limits on a worker apply to it as to any other document.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfJsModule = typeof PdfJs;

let loading: Promise<PdfJsModule> | undefined;

export function loadPdfJs(): Promise<PdfJsModule> {
  loading ??= (async () => {
    // Handing PDF.js its worker module here means it never looks for one by URL.
    // The package's minified builds: the same code, and a fifth less CPU to load (V8 parses
    // 3.3 MB of source for the readable ones, 1.4 MB for these), paid by every run with a PDF.
    const workerSpecifier = 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';
    const globals = globalThis as { pdfjsWorker?: unknown };
    globals.pdfjsWorker ??= await import(workerSpecifier);
    return (await import('pdfjs-dist/legacy/build/pdf.min.mjs' as string)) as PdfJsModule;
  })();
  return loading;
}

/** Where the package keeps data PDF.js may read: the character maps of CJK fonts. */
function packageDataDir(name: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfjs-dist/package.json')), name) + '/';
}

/**
 * Options for reading untrusted PDFs: no code generated from the file (fonts are not compiled
 * to functions), no XFA forms, no fonts handed to the system, no WebAssembly decoders, nothing
 * fetched; the character maps come from the package. The standard fonts' glyph programs are
 * not loaded: text and its widths come out the same without them (checked on the corpus PDFs
 * and fixtures), only drawing glyphs would need them, and loading them cost a third of the
 * time to read a 40-page PDF.
 */
export function safeOptions(data: Uint8Array) {
  return {
    data,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: packageDataDir('cmaps'),
    cMapPacked: true,
  };
}
