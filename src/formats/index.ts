// Picks the adapter for a file by its extension and turns its bytes into the one document
// model. A file the adapter cannot read becomes a FileError, never an exception.

import type { DocumentFormat, FileError, StrategyDocument } from '../core/types.js';
import { docxDocument, DocxError } from './docx/index.js';
import { markdownDocument } from './markdown.js';
import { decodeText } from './text.js';
import { toString } from 'mdast-util-to-string';

export type LoadResult = { ok: true; doc: StrategyDocument } | { ok: false; error: FileError };

/** Extensions of the documents stratlint reads, by format. */
export const FORMAT_EXTENSIONS: Record<DocumentFormat, string[]> = {
  markdown: ['.md', '.markdown'],
  docx: ['.docx'],
};

export function formatOf(path: string): DocumentFormat {
  return /\.docx$/i.test(path) ? 'docx' : 'markdown';
}

export function loadDocument(path: string, bytes: Buffer): LoadResult {
  if (formatOf(path) === 'docx') {
    try {
      return { ok: true, doc: docxDocument(path, bytes) };
    } catch (error) {
      if (error instanceof DocxError) return { ok: false, error: { code: error.code, message: error.message } };
      throw error;
    }
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const doc = markdownDocument(path, decoded.text);
  // Front matter and comments alone are no more a strategy than a blank file or an empty .docx.
  if (!hasBody(doc)) return { ok: false, error: { code: 'empty', message: 'File has no text after its front matter' } };
  return { ok: true, doc };
}

function hasBody(doc: StrategyDocument): boolean {
  return doc.tree.children.some((node) => node.type !== 'yaml' && toString(node, { includeHtml: false }).trim() !== '');
}
