// Picks the adapter for a file by its extension and turns its bytes into the one document
// model. A file the adapter cannot read becomes a FileError, never an exception.

import type { DocumentFormat, FileError, StrategyDocument } from '../core/types.js';
import { FormatError } from './errors.js';
import { markdownDocument } from './markdown.js';
import { decodeText } from './text.js';
import { toString } from 'mdast-util-to-string';

export type LoadResult = { ok: true; doc: StrategyDocument } | { ok: false; error: FileError };

/** Extensions of the documents stratlint reads, by format. */
export const FORMAT_EXTENSIONS: Record<DocumentFormat, string[]> = {
  markdown: ['.md', '.markdown'],
  docx: ['.docx'],
  pdf: ['.pdf'],
};

export function formatOf(path: string): DocumentFormat {
  if (/\.docx$/i.test(path)) return 'docx';
  if (/\.pdf$/i.test(path)) return 'pdf';
  return 'markdown';
}

export async function loadDocument(path: string, bytes: Buffer): Promise<LoadResult> {
  const format = formatOf(path);
  if (format === 'markdown') {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return decoded;
    const doc = markdownDocument(path, decoded.text);
    // Front matter and comments alone are no more a strategy than a blank file or an empty .docx.
    if (!hasBody(doc)) return { ok: false, error: { code: 'empty', message: 'File has no text after its front matter' } };
    return { ok: true, doc };
  }
  try {
    // Each binary format's reader is loaded only when a file of that format is linted: PDF.js
    // is large, and the Word reader (adm-zip, saxes) was a fifth of the code a Markdown run loaded.
    if (format === 'docx') {
      const { docxDocument } = await import('./docx/index.js');
      return { ok: true, doc: docxDocument(path, bytes) };
    }
    const { pdfDocument } = await import('./pdf/index.js');
    return { ok: true, doc: await pdfDocument(path, bytes) };
  } catch (error) {
    if (error instanceof FormatError) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}

function hasBody(doc: StrategyDocument): boolean {
  return doc.tree.children.some((node) => node.type !== 'yaml' && toString(node, { includeHtml: false }).trim() !== '');
}
