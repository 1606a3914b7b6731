// What linting one document gives a bulk run: its result, and, when the run asks, the print for
// finding copied text and the text a report highlights. The same code runs in a worker and in
// the main thread, so both give the same bytes.

import type { FileResult } from '../core/types.js';
import { fingerprint, type CopyPrint } from './copied-text.js';
import type { Linter } from './run.js';

export interface Wants {
  /** Fingerprint the document for copied text. */
  print: boolean;
  /** Keep the document's text in the result (for the html report). */
  text: boolean;
}

export interface DocumentOutcome {
  result: FileResult;
  print?: CopyPrint;
}

/** Lints the file at `path`, or `bytes` (standard input) under that path's name. */
export async function lintOutcome(linter: Linter, path: string, wants: Wants, bytes?: Uint8Array): Promise<DocumentOutcome> {
  let print: CopyPrint | undefined;
  let text: string | undefined;
  linter.observer = (doc, analysis) => {
    if (wants.text) text = doc.text;
    if (!wants.print) return;
    try {
      print = fingerprint(doc, analysis);
    } catch {
      // A document that cannot be fingerprinted is still linted; it is only left out of matching.
    }
  };
  try {
    const result = bytes ? await linter.lintBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), path) : await linter.lintFile(path);
    if (text !== undefined && result.errors.every((e) => e.code !== 'parse-failed')) result.text = text;
    return print ? { result, print } : { result };
  } finally {
    linter.observer = undefined;
  }
}
