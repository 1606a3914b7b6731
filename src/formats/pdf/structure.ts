// From lines in reading order to the blocks a writer made: headings (from the outline, or from
// size and font against the body text), list items (from bullets and numerals, nested by
// indent), tables (found by the layout) and paragraphs joined across line, column and page
// breaks. Running headers, footers, page numbers and a table of contents are dropped, as a
// reader skips them; footnotes move after the text.

import type { OutlineEntry } from './extract.js';
import type { PageLine } from './layout.js';

export type Block =
  | { kind: 'heading'; depth: number; lines: PageLine[] }
  | { kind: 'paragraph'; lines: PageLine[] }
  | { kind: 'table'; lines: PageLine[] }
  | { kind: 'item'; lines: PageLine[]; ordered: boolean; start: number; indent: number; markerLength: number };

export interface Structure {
  blocks: Block[];
  /** A short line on the first page that opens with a date, taken out as front matter's date is. */
  dateLine?: PageLine;
}

// A bullet, dash or numeral and the space after it: "•", "–", "1.", "a)", "(iv)".
const MARKER = /^(?:([•◦▪▫‣⁃●○■□➢►✓∙·*–—-])|(\d{1,3})[.)]|([a-z])[.)]|\((\d{1,3}|[a-z]|[ivx]{1,6})\)|([ivx]{1,6})[.)])\s+(?=\S)/;
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i;
const TOC_ENTRY = /(?:\.\s?){4,}\s*\d{1,4}$|…{2,}\s*\d{1,4}$/;
const TERMINAL = /[.!?:;]["'”’)\]]*$/;

export function buildStructure(pages: PageLine[][], outline: OutlineEntry[]): Structure {
  const notes: PageLine[] = [];
  const kept = dropFurniture(pages).map((page) => setFootnotesAside(page, notes));
  const lines = dropContents(kept, outline);
  const body = bodyStyle(lines);
  const blocks = joinTablesOverPages(groupBlocks(lines, body, findHeadings(lines, outline, body)));
  // Footnotes follow the text, one paragraph each, as Markdown's footnote definitions do.
  for (const line of notes) {
    const last = blocks[blocks.length - 1];
    if (!line.footnote && last?.kind === 'paragraph' && last.lines[0]!.footnote) last.lines.push(line);
    else blocks.push({ kind: 'paragraph', lines: [line] });
  }
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

/**
 * Footnotes: from a line in the lower half of the page that starts with a raised number to the
 * foot of its column. They are taken out of the page's flow (a paragraph carries on over them
 * to the next page) and added to `notes`.
 */
function setFootnotesAside(lines: PageLine[], notes: PageLine[]): PageLine[] {
  if (!lines.length) return lines;
  const top = Math.max(...lines.map((l) => l.y));
  const bottom = Math.min(...lines.map((l) => l.y));
  const first = lines.find((l) => l.footnote && l.y < (top + bottom) / 2);
  if (!first) return lines;
  const isNote = (l: PageLine) => l.left === first.left && l.y <= first.y && l.number >= first.number;
  notes.push(...lines.filter(isNote));
  return lines.filter((l) => !isNote(l));
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

interface Headings {
  /** The depth of the heading this line starts, if it starts one. */
  starts(line: PageLine): number | undefined;
  /** Whether `line` carries on the heading made of `lines` (a title wrapped onto a second line). */
  continues(lines: PageLine[], line: PageLine): boolean;
}

/**
 * Headings. With an outline (bookmarks), the lines that bear its titles, in a style unlike the
 * body's, at the titles' depths, and anything set larger (a title page's title) at the top.
 * Without one, every style larger or in another font than the body that sets only short lines
 * which never end a sentence, ranked by size.
 */
function findHeadings(lines: PageLine[], outline: OutlineEntry[], body: Style): Headings {
  const sameStyle = (a: PageLine, b: PageLine) => styleKey(a) === styleKey(b);
  if (outline.length) {
    const titles = new Map<string, number>();
    const prefixes = new Map<string, number>();
    for (const o of outline) {
      const title = normal(o.title);
      if (!title || titles.has(title)) continue;
      titles.set(title, o.depth);
      const words = title.split(' ');
      for (let n = 1; n < words.length; n++) {
        const prefix = words.slice(0, n).join(' ');
        if (!prefixes.has(prefix)) prefixes.set(prefix, o.depth);
      }
    }
    let largest = 0;
    for (const line of lines) if (!isBodyLike(line, body) && titles.has(normal(line.text))) largest = Math.max(largest, line.size);
    if (largest > 0) {
      return {
        starts(line) {
          if (isBodyLike(line, body)) return undefined;
          const text = normal(line.text);
          const depth = titles.get(text) ?? (MARKER.test(line.text) ? undefined : prefixes.get(text));
          if (depth !== undefined) return depth;
          return line.size > largest + 0.5 ? 1 : undefined;
        },
        continues(heading, line) {
          if (!sameStyle(heading[0]!, line)) return false;
          const joined = normal([...heading, line].map((l) => l.text).join(' '));
          return titles.has(joined) || prefixes.has(joined) || (line.size > largest + 0.5 && heading.length < 3);
        },
      };
    }
  }
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
  const levels = new Map(styles.map(([key], rank) => [key, Math.min(6, rank + 1)]));
  return {
    starts: (line) => (MARKER.test(line.text) || /[.;,]$/.test(line.text) ? undefined : levels.get(styleKey(line))),
    continues: (heading, line) => sameStyle(heading[0]!, line) && heading.length < 3 && !/[.;,]$/.test(line.text),
  };
}

function groupBlocks(lines: PageLine[], body: Style, headings: Headings): Block[] {
  const blocks: Block[] = [];
  let open = null as Block | null;
  let previous: PageLine | null = null;

  for (const line of lines) {
    if (line.table) {
      const first = open?.kind === 'table' ? open.lines[0]! : undefined;
      if (!first || first.page !== line.page || first.table!.id !== line.table.id) {
        open = { kind: 'table', lines: [] };
        blocks.push(open);
      }
      open!.lines.push(line);
      previous = line;
      continue;
    }
    const depth: number | undefined = open?.kind === 'heading' && previous && closeBelow(previous, line, body, 1.6) && headings.continues(open.lines, line) ? open.depth : headings.starts(line);
    // A numbered paragraph set all in another font (bold "1. Make Directgov…") is a statement
    // set out like a heading, as "**1. …**" is in Markdown, not an item of a list.
    const found = depth === undefined ? MARKER.exec(line.text) : null;
    const marker = found && (found[1] || line.font === body.font) ? found : null;
    const startsNew = (): boolean => {
      if (!open || !previous) return true;
      if (open.kind === 'table') return true;
      if (depth !== undefined || open.kind === 'heading') {
        // A heading wrapped over two lines: same style, close below.
        return !(open.kind === 'heading' && depth === open.depth && closeBelow(previous, line, body, 1.6) && headings.continues(open.lines, line));
      }
      if (marker) return true;
      if (Math.abs(line.size - previous.size) > 0.5) return true;
      // The line above ran to the margin, as a line does when its paragraph goes on.
      const full = previous.x1 >= previous.right - Math.max(3 * previous.size, (previous.right - previous.left) * 0.12);
      if (line.page === previous.page && line.left === previous.left && previous.y > line.y) {
        if (!closeBelow(previous, line, body, 1.3)) return true;
        // An item goes on under its text, or back under its marker mid-sentence (after a line
        // that ran to the margin, or in lower case).
        const midSentence = !TERMINAL.test(previous.text) && (full || /^\p{Ll}/u.test(line.text));
        if (open.kind === 'item') return line.x0 < itemTextX(open) - line.size && !midSentence;
        // A first line set in further than the one above it starts a paragraph.
        return line.x0 > previous.x0 + line.size;
      }
      // A new column or page: the paragraph goes on only if it has not ended a sentence, and
      // its last line ran to the margin or the new line carries on in lower case.
      return TERMINAL.test(previous.text) || !(full || /^\p{Ll}/u.test(line.text));
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

/**
 * A table that goes on over a page break, as one table: a table at the top of a page, right
 * after a table that ended the page before with as many columns, carries it on (a word
 * processor repeats the header row there, and may break a row across the pages).
 */
function joinTablesOverPages(blocks: Block[]): Block[] {
  const columns = (block: Block) => Math.max(...block.lines.flatMap((l) => l.table?.cells.map((c) => c.column) ?? [])) + 1;
  const out: Block[] = [];
  for (const block of blocks) {
    const last = out[out.length - 1];
    const end = last?.lines[last.lines.length - 1];
    const start = block.lines[0]!;
    if (last?.kind === 'table' && block.kind === 'table' && end!.page + 1 === start.page && start.number <= 3 && columns(last) === columns(block)) {
      last.lines.push(...block.lines);
    } else out.push(block);
  }
  return out;
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

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// A line that opens with a date: "March 2024", "15 January 2025", "2019-06-24", "2016-2017 (draft)".
const DATE_LINE = new RegExp(`^(?:(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH}\\.?\\s+(?:\\d{1,2},?\\s+)?(?:19|20)\\d{2}|(?:19|20)\\d{2}(?:[-/–]\\d{1,4})*)(?![\\p{L}\\d])`, 'iu');

/**
 * The title page's date line: a short paragraph on the first page, before the second heading,
 * that opens with a date ("March 2024", "2019-2024 (working draft)"), as a Date paragraph under
 * the title is. Like a Markdown file's front matter date it dates the document and is not
 * itself linted.
 */
function takeDateLine(blocks: Block[]): PageLine | undefined {
  let headings = 0;
  for (let i = 0; i < Math.min(blocks.length, 12); i++) {
    const block = blocks[i]!;
    if (block.kind === 'heading' && ++headings > 1) return undefined;
    if (block.kind !== 'paragraph' || block.lines.length !== 1) continue;
    const line = block.lines[0]!;
    if (line.page === 1 && line.text.length <= 200 && DATE_LINE.test(line.text)) {
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
