// From lines in reading order to the blocks a writer made: headings (from the outline, or from
// size and font against the body text), list items (from bullets and numerals, nested by
// indent) and paragraphs joined across line, column and page breaks. Running headers, footers,
// page numbers and a table of contents are dropped, as a reader skips them.

import type { OutlineEntry } from './extract.js';
import type { PageLine } from './layout.js';

export type Block =
  | { kind: 'heading'; depth: number; lines: PageLine[] }
  | { kind: 'paragraph'; lines: PageLine[] }
  | { kind: 'item'; lines: PageLine[]; ordered: boolean; start: number; indent: number; markerLength: number };

export interface Structure {
  blocks: Block[];
  /** A short line on the first page that is only a date, taken out as front matter's date is. */
  dateLine?: PageLine;
}

// A bullet, dash or numeral and the space after it: "•", "–", "1.", "a)", "(iv)".
const MARKER = /^(?:([•◦▪▫‣⁃●○■□➢►✓∙·*–—-])|(\d{1,3})[.)]|([a-z])[.)]|\((\d{1,3}|[a-z]|[ivx]{1,6})\)|([ivx]{1,6})[.)])\s+(?=\S)/;
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i;
const TOC_ENTRY = /(?:\.\s?){4,}\s*\d{1,4}$|…{2,}\s*\d{1,4}$/;
const TERMINAL = /[.!?:;]["'”’)\]]*$/;

export function buildStructure(pages: PageLine[][], outline: OutlineEntry[]): Structure {
  const kept = dropFurniture(pages);
  const lines = dropContents(kept, outline);
  const body = bodyStyle(lines);
  const headingDepth = headingLevels(lines, outline, body);
  const blocks = groupBlocks(lines, body, headingDepth);
  const dateLine = takeDateLine(blocks);
  return { blocks, dateLine };
}

/** Running headers and footers (the same text at the top or bottom of most pages) and page numbers. */
function dropFurniture(pages: PageLine[][]): PageLine[][] {
  const key = (line: PageLine) => line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
  const edges = pages.map((lines) => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    return new Set([...byHeight.slice(0, 3), ...byHeight.slice(-3)]);
  });
  const pagesWith = new Map<string, number>();
  for (const edge of edges) for (const k of new Set([...edge].map(key))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  const repeatedOn = Math.max(2, Math.ceil(pages.length * 0.5));
  return pages.map((lines, i) => {
    const edge = edges[i]!;
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    const outermost = new Set([byHeight[0], byHeight[byHeight.length - 1]]);
    return lines.filter((line) => {
      if (!edge.has(line)) return true;
      if ((pagesWith.get(key(line)) ?? 0) >= repeatedOn) return false;
      return !(outermost.has(line) && PAGE_NUMBER.test(line.text));
    });
  });
}

/** A table of contents: lines ending in a page number after dot leaders, or naming a bookmark. */
function dropContents(pages: PageLine[][], outline: OutlineEntry[]): PageLine[] {
  const titles = new Set(outline.map((o) => normal(o.title)));
  const out: PageLine[] = [];
  for (const lines of pages) {
    const isEntry = (line: PageLine) => TOC_ENTRY.test(line.text) || (titles.size > 0 && /\s\d{1,4}$/.test(line.text) && titles.has(normal(line.text.replace(/\s\d{1,4}$/, ''))));
    const entries = lines.filter(isEntry).length;
    if (entries < 3) {
      out.push(...lines);
      continue;
    }
    // The entries, and the heading over them.
    out.push(...lines.filter((line) => !isEntry(line) && !/^(?:table of )?contents$/i.test(line.text)));
  }
  return out;
}

interface Style {
  size: number;
  font: string;
  /** Typical distance between the baselines of two lines of one paragraph, per point of font size. */
  leading: number;
}

/** The body text's size, font and leading: what most characters are set in. */
function bodyStyle(lines: PageLine[]): Style {
  const sizes = new Map<number, number>();
  for (const l of lines) sizes.set(l.size, (sizes.get(l.size) ?? 0) + l.text.length);
  const size = [...sizes].reduce((a, b) => (b[1] > a[1] ? b : a), [12, 0])[0];
  const fonts = new Map<string, number>();
  for (const l of lines) if (l.size === size) fonts.set(l.font, (fonts.get(l.font) ?? 0) + l.text.length);
  const font = [...fonts].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0])[0];
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page && a.size === size && b.size === size && a.y > b.y && a.y - b.y < 2.5 * size) gaps.push((a.y - b.y) / size);
  }
  gaps.sort((a, b) => a - b);
  // The smallest common gap is between lines of a paragraph; larger ones are between paragraphs.
  const leading = gaps.length ? gaps[Math.floor(gaps.length * 0.25)]! : 1.2;
  return { size, font, leading };
}

const styleKey = (line: PageLine) => `${line.size}\u0000${line.font}`;
const isBodyLike = (line: PageLine, body: Style) => line.size <= body.size + 0.5 && line.font === body.font;

/**
 * The heading depth of each style that sets headings. With an outline, the styles of the lines
 * that bear its titles, at the titles' depths (and anything larger, a title page's title, at the
 * top); without one, every style larger or in another font than the body that sets only short
 * lines, ranked by size.
 */
function headingLevels(lines: PageLine[], outline: OutlineEntry[], body: Style): Map<string, number> {
  const levels = new Map<string, number>();
  if (outline.length) {
    const depthOf = new Map<string, number>();
    for (const o of outline) if (!depthOf.has(normal(o.title))) depthOf.set(normal(o.title), o.depth);
    const votes = new Map<string, Map<number, number>>();
    for (const line of lines) {
      if (isBodyLike(line, body)) continue;
      const depth = depthOf.get(normal(line.text));
      if (depth === undefined) continue;
      const byDepth = votes.get(styleKey(line)) ?? new Map<number, number>();
      byDepth.set(depth, (byDepth.get(depth) ?? 0) + 1);
      votes.set(styleKey(line), byDepth);
    }
    for (const [key, byDepth] of votes) levels.set(key, [...byDepth].reduce((a, b) => (b[1] > a[1] ? b : a))[0]);
    if (levels.size) {
      const largest = Math.max(...[...levels.keys()].map((k) => Number(k.split('\u0000')[0])));
      for (const line of lines) if (line.size > largest + 0.5 && !levels.has(styleKey(line))) levels.set(styleKey(line), 1);
      return levels;
    }
  }
  // No usable outline: styles unlike the body, whose lines are short and never end a sentence.
  const candidates = new Map<string, { size: number; lines: number; long: number; first: number }>();
  lines.forEach((line, index) => {
    if (isBodyLike(line, body) || line.size < body.size - 0.5) return;
    const entry = candidates.get(styleKey(line)) ?? { size: line.size, lines: 0, long: 0, first: index };
    entry.lines++;
    if (line.text.split(/\s+/).length > 14 || /[.;,]$/.test(line.text)) entry.long++;
    candidates.set(styleKey(line), entry);
  });
  const styles = [...candidates].filter(([, c]) => c.long <= c.lines * 0.2 && (c.size >= body.size * 1.1 || c.lines <= lines.length * 0.1));
  styles.sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first);
  styles.forEach(([key], rank) => levels.set(key, Math.min(6, rank + 1)));
  return levels;
}

function groupBlocks(lines: PageLine[], body: Style, headingDepth: Map<string, number>): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  let previous: PageLine | null = null;

  for (const line of lines) {
    const depth = headingDepth.get(styleKey(line));
    const marker = depth === undefined ? MARKER.exec(line.text) : null;
    const startsNew = (): boolean => {
      if (!open || !previous) return true;
      if (depth !== undefined || open.kind === 'heading') {
        // A heading wrapped over two lines: same style, close below.
        return !(open.kind === 'heading' && depth === open.depth && styleKey(line) === styleKey(previous) && closeBelow(previous, line, body, 1.6));
      }
      if (marker) return true;
      if (Math.abs(line.size - previous.size) > 0.5) return true;
      // The line above ran to the margin, as a line does when its paragraph goes on.
      const full = previous.x1 >= previous.right - Math.max(3 * previous.size, (previous.right - previous.left) * 0.12);
      if (line.page === previous.page && line.left === previous.left && previous.y > line.y) {
        if (!closeBelow(previous, line, body, 1.3)) return true;
        // An item goes on under its text, or back at the margin after a full line.
        if (open.kind === 'item') return line.x0 < itemTextX(open) - line.size && !(full && !TERMINAL.test(previous.text));
        // A first line set in further than the one above it starts a paragraph.
        return line.x0 > previous.x0 + line.size;
      }
      // A new column or page: the paragraph goes on only if its last line ran to the margin
      // without ending a sentence.
      return !full || TERMINAL.test(previous.text);
    };
    if (startsNew()) {
      if (depth !== undefined) open = { kind: 'heading', depth, lines: [line] };
      else if (marker) {
        const number = marker[2] ?? marker[4];
        const ordered = !marker[1];
        const start = number && /^\d+$/.test(number) ? Number(number) : listStart(marker[3] ?? marker[4], marker[5]);
        open = { kind: 'item', lines: [line], ordered, start, indent: line.x0, markerLength: marker[0].length };
      } else open = { kind: 'paragraph', lines: [line] };
      blocks.push(open);
    } else {
      open!.lines.push(line);
    }
    previous = line;
  }
  return blocks;
}

/** Whether `line` sits where the next line of the same paragraph as `above` would. */
function closeBelow(above: PageLine, line: PageLine, body: Style, slack: number): boolean {
  if (above.page !== line.page || above.y <= line.y) return false;
  return above.y - line.y <= Math.max(above.size, line.size) * body.leading * slack;
}

function itemTextX(item: Extract<Block, { kind: 'item' }>): number {
  const first = item.lines[0]!;
  // Where the item's text starts, estimated from the share of the line the marker takes.
  return first.x0 + ((first.x1 - first.x0) * item.markerLength) / Math.max(1, first.text.length);
}

/** The number a lettered ("b)") or roman ("(iii)") item stands for. */
function listStart(letter: string | undefined, roman: string | undefined): number {
  if (roman || (letter && letter.length > 1)) return romanValue(roman ?? letter!);
  return letter ? letter.charCodeAt(0) - 96 : 1;
}

function romanValue(value: string): number {
  const digit: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let i = 0; i < value.length; i++) {
    const v = digit[value[i]!]!;
    const next = digit[value[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * The first page's date line: a short paragraph, before the second heading, that is only a
 * date ("March 2024"). Like a Markdown file's front matter date it dates the document and is
 * not itself linted.
 */
function takeDateLine(blocks: Block[]): PageLine | undefined {
  let headings = 0;
  for (let i = 0; i < Math.min(blocks.length, 12); i++) {
    const block = blocks[i]!;
    if (block.kind === 'heading' && ++headings > 1) return undefined;
    if (block.kind !== 'paragraph' || block.lines.length !== 1) continue;
    const line = block.lines[0]!;
    if (line.page !== 1 || line.text.length > 40 || line.text.split(/\s+/).length > 5) continue;
    if (/\b(?:19|20)\d{2}\b/.test(line.text) && /^[\p{L}\d\s,./–-]+$/u.test(line.text)) {
      blocks.splice(i, 1);
      return line;
    }
  }
  return undefined;
}

/** Every word of the document, to tell a word broken at a line end from a hyphenated compound. */
export function wordsOf(lines: PageLine[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) for (const w of line.text.toLowerCase().match(/[\p{L}][\p{L}-]*[\p{L}]/gu) ?? []) words.add(w);
  return words;
}

export function normal(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
