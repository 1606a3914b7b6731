// PDF in: the text layer read with PDF.js, the layout rebuilt into headings, lists and
// paragraphs, and the same document model as Markdown and Word. Each block is one line of the
// synthesised text; locations go back to the page, the line on it and the column.

import type { StrategyDocument } from '../../core/types.js';
import { PdfError } from './errors.js';
import { DEFAULT_EXTRACT_LIMITS, extractContent, type ExtractLimits } from './extract.js';
import { checkDecodedSizes, DEFAULT_DECODE_LIMITS, type DecodeLimits } from './decode-guard.js';
import { pageLines } from './layout.js';
import { locate, pointFinder } from './locator.js';
import { sniff } from './sniff.js';
import { buildStructure, wordsOf } from './structure.js';
import { buildTree } from './tree.js';

export { PdfError } from './errors.js';

export interface PdfLimits {
  extract?: ExtractLimits;
  decode?: DecodeLimits;
}

export async function pdfDocument(path: string, bytes: Buffer, limits: PdfLimits = {}): Promise<StrategyDocument> {
  sniff(bytes);
  checkDecodedSizes(bytes, limits.decode ?? DEFAULT_DECODE_LIMITS);
  const content = await extractContent(bytes, limits.extract ?? DEFAULT_EXTRACT_LIMITS);
  if (content.pages.length === 0) throw new PdfError('empty', 'PDF has no pages');
  const pages = content.pages.map(pageLines);
  if (pages.every((lines) => lines.length === 0)) {
    throw new PdfError(
      'pdf-no-text',
      `PDF has no text layer (${content.pages.length === 1 ? 'its page is' : `its ${content.pages.length} pages are`} images, as a scan is); run it through OCR first (e.g. ocrmypdf) and lint the result`,
    );
  }
  const structure = buildStructure(pages, content.outline);
  const built = buildTree(structure.blocks, wordsOf(pages.flat()));
  if (built.tree.children.length === 0) throw new PdfError('empty', 'PDF has no text in its body (only running headers, footers or page numbers)');

  const toPoint = pointFinder(built.segments, built.text.length);
  return {
    path,
    format: 'pdf',
    text: built.text,
    tree: built.tree,
    metadata: metadataOf(content.info, built.tree.children, structure.dateLine?.text, built.text),
    toPoint,
    locator: (start, headingPath) => locate(start, headingPath),
    directives: [],
  };
}

/**
 * Title, author and dates from the document information, and the document's date: the date
 * line of its first page if it has one (as front matter gives it for Markdown), else when the
 * PDF was made, which for a strategy exported once is when it was published.
 */
function metadataOf(info: Record<string, unknown>, blocks: StrategyDocument['tree']['children'], dateLine: string | undefined, text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const string = (key: string) => (typeof info[key] === 'string' && (info[key] as string).trim() ? (info[key] as string).trim() : undefined);
  const firstHeading = blocks.find((b) => b.type === 'heading');
  const title = string('Title') ?? (firstHeading?.position ? text.slice(firstHeading.position.start.offset, firstHeading.position.end.offset) : undefined);
  if (title) out['title'] = title;
  const author = string('Author');
  if (author) out['author'] = author;
  const created = pdfDate(string('CreationDate'));
  const modified = pdfDate(string('ModDate'));
  if (created) out['created'] = created;
  if (modified) out['modified'] = modified;
  if (dateLine) out['date'] = dateLine;
  else if (created) out['date'] = created.slice(0, 10);
  return out;
}

/** "D:20240315093000+01'00'" to an ISO date and time (UTC offsets ignored: only the day matters). */
function pdfDate(value: string | undefined): string | undefined {
  const m = value && /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?/.exec(value);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00'] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}
