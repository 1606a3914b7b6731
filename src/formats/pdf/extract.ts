// The text a PDF draws, with where and how it draws it: runs of text with their position,
// size and font, page by page, plus the outline (bookmarks), links and document information.
// Everything after this works on these plain records, never on PDF.js objects.

import { PdfError } from './errors.js';
import { loadPdfJs, safeOptions } from './pdfjs.js';

export interface TextRun {
  text: string;
  /** Left edge and baseline, in points from the page's bottom left. */
  x: number;
  y: number;
  width: number;
  /** The font size as drawn, in points. */
  size: number;
  /** PDF.js's name for the font: the same font has the same name throughout a document. */
  font: string;
  /** Parts of the run under a link annotation, as [from, to) character indexes. */
  links?: Array<{ from: number; to: number; url: string }>;
}

export interface PdfPage {
  /** 1-based, as a viewer numbers pages. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
}

export interface OutlineEntry {
  title: string;
  /** 1 for a top-level bookmark. */
  depth: number;
}

export interface PdfContent {
  pages: PdfPage[];
  outline: OutlineEntry[];
  /** The document information dictionary: Title, Author, CreationDate… */
  info: Record<string, unknown>;
}

export interface ExtractLimits {
  /** Most pages a document may have. */
  maxPages: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = { maxPages: 2000 };

export async function extractContent(bytes: Buffer, limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS): Promise<PdfContent> {
  const pdfjs = await loadPdfJs();
  // PDF.js takes over the buffer it is given; it gets a copy so the caller's bytes stay intact.
  const task = pdfjs.getDocument(safeOptions(new Uint8Array(bytes)));
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw openError(error);
  }
  try {
    if (doc.numPages > limits.maxPages) {
      throw new PdfError('pdf-too-many-pages', `PDF has ${doc.numPages} pages, over the limit of ${limits.maxPages}; no strategy is that long, so it is not read`);
    }
    const pages: PdfPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      pages.push(await readPage(doc, number));
    }
    const [outline, info] = await Promise.all([readOutline(doc), doc.getMetadata().then((m) => (m.info ?? {}) as Record<string, unknown>, () => ({}))]);
    return { pages, outline, info };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

type Document = Awaited<ReturnType<Awaited<ReturnType<typeof loadPdfJs>>['getDocument']>['promise']>;

async function readPage(doc: Document, number: number): Promise<PdfPage> {
  try {
    const page = await doc.getPage(number);
    const { width, height } = page.getViewport({ scale: 1 });
    const [content, annotations] = await Promise.all([page.getTextContent(), page.getAnnotations({ intent: 'display' }).catch(() => [])]);
    const links = (annotations as Array<{ subtype?: string; url?: string; rect?: number[] }>)
      .filter((a) => a.subtype === 'Link' && typeof a.url === 'string' && a.rect?.length === 4)
      .map((a) => ({ url: a.url!, rect: a.rect! }));
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a, b, c, d, e, f] = item.transform as number[];
      // Only horizontal text: rotated or vertical text is a watermark, a margin note or an axis label.
      if (Math.abs(b!) > 0.01 || Math.abs(c!) > 0.01 || a! <= 0 || d! <= 0) continue;
      const run: TextRun = { text: item.str, x: e!, y: f!, width: item.width, size: d!, font: item.fontName };
      const linked = linksOver(run, links);
      if (linked.length) run.links = linked;
      runs.push(run);
    }
    page.cleanup();
    return { number, width, height, runs };
  } catch (error) {
    if (error instanceof PdfError) throw error;
    throw new PdfError('pdf-corrupt', `PDF is damaged: page ${number} cannot be read (${oneLine(error)})`);
  }
}

/**
 * The characters of a run that a link's rectangle covers. A run is often a whole line, so the
 * rectangle's edges are turned into character places in proportion to the run's width, then
 * widened to whole words (proportions are off by a character or two in a proportional font).
 */
function linksOver(run: TextRun, links: Array<{ url: string; rect: number[] }>): NonNullable<TextRun['links']> {
  const out: NonNullable<TextRun['links']> = [];
  const middle = run.y + run.size / 3;
  const length = run.text.length;
  for (const { url, rect } of links) {
    const [x1, y1, x2, y2] = rect as [number, number, number, number];
    if (middle < Math.min(y1, y2) || middle > Math.max(y1, y2)) continue;
    const left = Math.max(Math.min(x1, x2), run.x);
    const right = Math.min(Math.max(x1, x2), run.x + run.width);
    if (right <= left || run.width <= 0) continue;
    let from = Math.round(((left - run.x) / run.width) * length);
    let to = Math.round(((right - run.x) / run.width) * length);
    const word = (i: number) => /[\p{L}\p{N}]/u.test(run.text[i] ?? '');
    while (from > 0 && word(from - 1) && word(from)) from--;
    while (to < length && word(to - 1) && word(to)) to++;
    while (from < to && run.text[from] === ' ') from++;
    while (to > from && run.text[to - 1] === ' ') to--;
    if (to > from) out.push({ from, to, url });
  }
  return out;
}

async function readOutline(doc: Document): Promise<OutlineEntry[]> {
  const out: OutlineEntry[] = [];
  type Node = { title: string; items: Node[] };
  const walk = (nodes: Node[], depth: number) => {
    for (const node of nodes) {
      if (out.length >= 5000) return;
      const title = node.title.replace(/\s+/g, ' ').trim();
      if (title) out.push({ title, depth });
      if (depth < 12) walk(node.items ?? [], depth + 1);
    }
  };
  try {
    walk(((await doc.getOutline()) ?? []) as Node[], 1);
  } catch {
    // A broken outline is not worth refusing a document: headings then come from the fonts.
  }
  return out;
}

function openError(error: unknown): PdfError {
  const name = (error as { name?: string })?.name;
  if (name === 'PasswordException') {
    return new PdfError('pdf-encrypted', 'PDF is password-protected (encrypted); open it with its password and save or print an unprotected copy to lint');
  }
  if (name === 'InvalidPDFException') return new PdfError('pdf-corrupt', `PDF is damaged and cannot be read (${oneLine(error)})`);
  return new PdfError('pdf-corrupt', `PDF cannot be read (${oneLine(error)})`);
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 160) || 'unknown error';
}
