// What the bytes say a file named .pdf really is, checked before any PDF parser sees it, so
// a web page saved under a .pdf name or a download cut short gets a message its owner can act on.

import { PdfError } from './errors.js';

const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function sniff(bytes: Buffer): void {
  if (bytes.length === 0) throw new PdfError('empty', 'File is empty');
  // The header may follow a little junk (the spec allows it within the first 1024 bytes).
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (!head.includes('%PDF-')) {
    const start = head.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart().toLowerCase();
    if (/^(?:<!doctype html|<html|<head|<body|<!--|<meta|<script)/.test(start)) {
      throw new PdfError('pdf-not-pdf', 'File is a web page (HTML), not a PDF; a link was saved instead of the document: open it in a browser and download the PDF itself');
    }
    if (bytes.subarray(0, 4).equals(ZIP)) {
      throw new PdfError('pdf-not-pdf', 'File is a zip archive (a Word .docx?), not a PDF; rename it to its real extension');
    }
    if (bytes.subarray(0, 8).equals(OLE)) throw new PdfError('pdf-not-pdf', 'File is a Word 97–2003 (.doc) document, not a PDF');
    throw new PdfError('pdf-not-pdf', 'File is not a PDF (it does not start with "%PDF-")');
  }
  // Every PDF ends with %%EOF (a few writers add some bytes after it); without it the file was
  // cut short, and whatever a lenient parser recovers would be a silently partial document.
  if (!bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1').includes('%%EOF')) {
    throw new PdfError('pdf-truncated', 'PDF is incomplete: it does not end with %%EOF, so it was cut short (an interrupted download or copy?); get the whole file again');
  }
}
