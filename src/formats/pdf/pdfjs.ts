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
    const restore = keepBuiltIns();
    try {
      // Handing PDF.js its worker module here means it never looks for one by URL.
      const workerSpecifier = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
      const globals = globalThis as { pdfjsWorker?: unknown };
      globals.pdfjsWorker ??= await import(workerSpecifier);
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      restore();
    }
  })();
  return loading;
}

/**
 * The legacy build of PDF.js carries polyfills (core-js) for what Node 20 lacks, and they also
 * replace some of what Node has, process-wide, to fix edge cases of the standard no document
 * reaches: Array.prototype.push, JSON.parse and JSON.stringify and Function.prototype.toString
 * become JavaScript far slower than the engine's own (push alone took a fifth of PDF.js's time
 * on a 40-page PDF, and every rule and reporter after it paid too). Whatever the import
 * replaced is put back; what it added, which PDF.js needs, stays.
 */
function keepBuiltIns(): () => void {
  const owners: object[] = [Array, Array.prototype, Object, Object.prototype, Function.prototype, JSON, Math, String, String.prototype, Number, Promise, Promise.prototype, Map.prototype, Set.prototype, WeakMap.prototype, RegExp.prototype, ArrayBuffer.prototype, Uint8Array, Object.getPrototypeOf(Uint8Array.prototype) as object, Uint8Array.prototype];
  const saved = owners.map((owner) => new Map(Reflect.ownKeys(owner).map((key) => [key, Object.getOwnPropertyDescriptor(owner, key)!])));
  return () => {
    owners.forEach((owner, i) => {
      for (const [key, before] of saved[i]!) {
        const now = Object.getOwnPropertyDescriptor(owner, key);
        if (now && typeof before.value === 'function' && now.value !== before.value && now.configurable) Object.defineProperty(owner, key, before);
      }
    });
  };
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
