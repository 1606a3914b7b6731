// From the runs of text a page draws to its lines in reading order. Runs on one baseline make a
// row; a row is cut where a wide gap runs down the page (a gutter between columns), and the
// page is read column by column between the lines that span it (a title, a full-width figure
// caption), so a two-column page reads down the left column before the right.

import type { PdfPage, TextRun } from './extract.js';
import { findTables, type LineGroup, type TablePlace } from './tables.js';

export interface PageLine {
  page: number;
  /** 1-based place of the line on its page, in reading order. */
  number: number;
  text: string;
  /** Left and right edges and baseline, in points. */
  x0: number;
  x1: number;
  y: number;
  /** The size and font of most of the line's characters. */
  size: number;
  font: string;
  /** Parts of the text under a link annotation, as [from, to) columns. */
  links: Array<{ from: number; to: number; url: string }>;
  /** Left and right edges of the column the line sits in. */
  left: number;
  right: number;
  /** The line starts with a raised footnote number: it begins a footnote. */
  footnote?: boolean;
  /** For a line of a table: the table on the page, its row, and each cell's [from, to) columns. */
  table?: { id: number; row: number; cells: Array<{ column: number; from: number; to: number; /** Width of the cell's text on this line, in points. */ width: number }> };
}

interface Fragment {
  runs: TextRun[];
  text: string;
  row: number;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** A page's lines in reading order, numbered from 1. */
export function pageLines(page: PdfPage): PageLine[] {
  const fragments = rowFragments(page.runs);
  const ordered: Array<{ fragment: Fragment; left: number; right: number }> = [];
  readingOrder(fragments, 0, ordered);
  const groups: Array<LineGroup<Fragment>> = [];
  for (let i = 0; i < ordered.length; ) {
    // Fragments of one row that no gutter separates read as one line (a table row, a gap).
    let j = i + 1;
    while (j < ordered.length && ordered[j]!.fragment.row === ordered[i]!.fragment.row && ordered[j]!.left === ordered[i]!.left) j++;
    groups.push({ fragments: ordered.slice(i, j).map((o) => o.fragment), left: ordered[i]!.left, right: ordered[i]!.right });
    i = j;
  }
  const tables = findTables(groups);
  return groups.map((g, i) => makeLine(page.number, i + 1, g, tables.get(i))).filter((line) => line.text !== '');
}

/** Runs grouped into rows (one baseline, top to bottom), each row cut at gaps wider than 1 em. */
function rowFragments(runs: TextRun[]): Fragment[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextRun[][] = [];
  let current: TextRun[] = [];
  let baseline = Number.NaN;
  let rowSize = 0;
  for (const run of sorted) {
    // A superscript (a footnote mark) sits a little above the baseline and joins the row.
    if (current.length && Math.abs(run.y - baseline) <= 0.45 * Math.max(rowSize, run.size)) {
      current.push(run);
      if (run.size > rowSize) {
        rowSize = run.size;
        baseline = run.y;
      }
      continue;
    }
    if (current.length) rows.push(current);
    current = [run];
    baseline = run.y;
    rowSize = run.size;
  }
  if (current.length) rows.push(current);

  for (const row of rows) row.sort((a, b) => a.x - b.x);
  const cellStarts = alignedStarts(rows);
  const fragments: Fragment[] = [];
  rows.forEach((row, index) => {
    let fragment: TextRun[] = [];
    let end = -Infinity;
    for (const run of row) {
      const gap = run.x - end;
      const em = Math.max(run.size, fragment[0]?.size ?? 0);
      // A gap wider than an em parts two pieces; so does a narrower one (wider than a space)
      // before a run that starts where runs start on other rows too: the next cell of a table
      // whose columns are set close together.
      if (fragment.length && (gap > em || (gap > MIN_CELL_GAP * em && cellStarts.has(Math.round(run.x))))) {
        fragments.push(fragmentOf(fragment, index));
        fragment = [];
      }
      fragment.push(run);
      end = Math.max(end, run.x + run.width);
    }
    if (fragment.length) fragments.push(fragmentOf(fragment, index));
  });
  return fragments;
}

/** The narrowest gap, in ems, that can part two cells of a table: wider than a word space. */
const MIN_CELL_GAP = 0.4;
/** Rows on which runs must start at one x, after a gap, for it to be a column of cells. */
const MIN_ALIGNED_ROWS = 3;

/**
 * The x positions (rounded to the point) at which runs start after a gap wider than a word
 * space on at least three rows: the left edges of a table's columns. Text running on within a
 * line starts a run wherever its words fall, which rarely lines up on three rows.
 */
function alignedStarts(rows: TextRun[][]): Set<number> {
  const rowsAt = new Map<number, number>();
  for (const row of rows) {
    const seen = new Set<number>();
    for (let i = 1; i < row.length; i++) {
      const before = row[i - 1]!;
      const run = row[i]!;
      if (run.x - (before.x + before.width) <= MIN_CELL_GAP * Math.max(run.size, before.size)) continue;
      const x = Math.round(run.x);
      // One point either way: the same column edge rounds to neighbouring points.
      for (const near of [x - 1, x, x + 1]) seen.add(near);
    }
    for (const x of seen) rowsAt.set(x, (rowsAt.get(x) ?? 0) + 1);
  }
  return new Set([...rowsAt].filter(([, count]) => count >= MIN_ALIGNED_ROWS).map(([x]) => x));
}

function fragmentOf(runs: TextRun[], row: number): Fragment {
  const main = runs.reduce((a, b) => (b.size > a.size ? b : a));
  return {
    runs,
    text: runs.map((r) => r.text).join(' '),
    row,
    x0: Math.min(...runs.map((r) => r.x)),
    x1: Math.max(...runs.map((r) => r.x + r.width)),
    y: main.y,
    size: main.size,
  };
}

/**
 * Appends the fragments in reading order: if a gutter splits them into columns, the lines
 * spanning the gutter cut the page into bands, and each band is read left column then right
 * (each column in turn checked for a gutter of its own); otherwise top to bottom.
 */
function readingOrder(fragments: Fragment[], depth: number, out: Array<{ fragment: Fragment; left: number; right: number }>): void {
  const left = Math.min(...fragments.map((f) => f.x0));
  const right = Math.max(...fragments.map((f) => f.x1));
  const gutter = depth < 3 ? findGutter(fragments, left, right) : null;
  const byPosition = (a: Fragment, b: Fragment) => b.y - a.y || a.row - b.row || a.x0 - b.x0;
  if (gutter === null) {
    for (const fragment of [...fragments].sort(byPosition)) out.push({ fragment, left, right });
    return;
  }
  let band: Fragment[] = [];
  const flush = () => {
    if (!band.length) return;
    const leftSide = band.filter((f) => f.x1 <= gutter);
    const rightSide = band.filter((f) => f.x0 >= gutter);
    if (leftSide.length) readingOrder(leftSide, depth + 1, out);
    if (rightSide.length) readingOrder(rightSide, depth + 1, out);
    band = [];
  };
  for (const fragment of [...fragments].sort(byPosition)) {
    if (fragment.x0 < gutter && fragment.x1 > gutter) {
      flush();
      out.push({ fragment, left, right });
    } else band.push(fragment);
  }
  flush();
}

/**
 * The x of a gutter between two columns of text, or null: a vertical strip in the middle half
 * of the text that at most a few lines cross, with at least five rows that have text on both
 * sides of it. Table cells rarely pass: the rows on each side must be lines of prose (wider
 * than a fifth of the text).
 */
function findGutter(fragments: Fragment[], left: number, right: number): number | null {
  const width = right - left;
  if (width <= 0 || fragments.length < 10) return null;
  let best: { x: number; crossing: number; run: number } | null = null;
  let runStart = -1;
  let previousCrossing = -1;
  for (let x = left + width * 0.25; x <= left + width * 0.75; x += 2) {
    let crossing = 0;
    for (const f of fragments) if (f.x0 < x && f.x1 > x) crossing++;
    if (crossing !== previousCrossing) runStart = x;
    previousCrossing = crossing;
    const run = x - runStart;
    if (!best || crossing < best.crossing || (crossing === best.crossing && run > best.run)) best = { x: (x + runStart) / 2, crossing, run };
  }
  if (!best || best.crossing > fragments.length * 0.2) return null;
  const gutter = best.x;
  const rowsLeft = new Set<number>();
  const rowsRight = new Set<number>();
  for (const f of fragments) {
    if (f.x1 - f.x0 < width * 0.2) continue;
    if (f.x1 <= gutter) rowsLeft.add(f.row);
    else if (f.x0 >= gutter) rowsRight.add(f.row);
  }
  let sideBySide = 0;
  for (const row of rowsLeft) if (rowsRight.has(row)) sideBySide++;
  return sideBySide >= 5 ? gutter : null;
}

function makeLine(page: number, number: number, group: LineGroup<Fragment>, table: TablePlace | undefined): PageLine {
  const { left, right } = group;
  const runs = group.fragments.flatMap((f) => f.runs).sort((a, b) => a.x - b.x);
  const pieceOf = new Map(group.fragments.flatMap((f, i) => f.runs.map((r) => [r, i] as const)));
  const pieces = group.fragments.map(() => ({ from: Infinity, to: 0 }));
  let text = '';
  let end = -Infinity;
  const fonts = new Map<string, number>();
  const sizes = new Map<number, number>();
  const links: PageLine['links'] = [];
  const largest = Math.max(...runs.map((r) => r.size));
  const baseline = Math.max(...runs.filter((r) => r.size === largest).map((r) => r.y));
  let footnote = false;
  for (const run of runs) {
    // A footnote's number, set small and raised: a reference in the text, which Markdown and
    // Word keep out of the text too, or the start of the footnote itself.
    if (run.size <= 0.8 * largest && run.y > baseline + 0.1 * largest && /^[\d*†‡§\s,]+$/.test(run.text)) {
      if (!text.trim()) footnote = true;
      continue;
    }
    const value = run.text.replace(/\s+/g, ' ');
    // Runs drawn apart with no space character between them are separate words.
    const gap = run.x - end;
    if (text && !text.endsWith(' ') && !value.startsWith(' ') && gap > 0.2 * run.size) text += ' ';
    const from = text.length;
    text += value;
    const piece = pieces[pieceOf.get(run)!]!;
    piece.from = Math.min(piece.from, from);
    piece.to = text.length;
    end = Math.max(end, run.x + run.width);
    const chars = value.trim().length;
    fonts.set(run.font, (fonts.get(run.font) ?? 0) + chars);
    const size = Math.round(run.size * 2) / 2;
    sizes.set(size, (sizes.get(size) ?? 0) + chars);
    // Link places are in the run's own text, before its white space was collapsed.
    for (const link of run.links ?? []) {
      const start = from + run.text.slice(0, link.from).replace(/\s+/g, ' ').length;
      const end = from + run.text.slice(0, link.to).replace(/\s+/g, ' ').length;
      const last = links[links.length - 1];
      if (last && last.url === link.url && last.to >= start - 1) last.to = end;
      else links.push({ from: start, to: end, url: link.url });
    }
  }
  const leading = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const column = (at: number) => Math.max(0, Math.min(trimmed.length, at - leading));
  const most = <T>(counts: Map<T, number>) => [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return {
    page,
    number,
    text: trimmed,
    x0: runs[0]!.x,
    x1: end,
    y: baseline,
    size: most(sizes),
    font: most(fonts),
    links: links
      .map((l) => ({ from: Math.max(0, l.from - leading), to: Math.min(trimmed.length, l.to - leading), url: l.url }))
      .filter((l) => l.to > l.from),
    left,
    right,
    ...(footnote ? { footnote } : {}),
    ...(table
      ? {
          table: {
            id: table.table,
            row: table.row,
            cells: pieces.map((p, i) => ({ column: table.columns[i]!, from: column(p.from), to: column(p.to), width: group.fragments[i]!.x1 - group.fragments[i]!.x0 })).filter((c) => c.to > c.from),
          },
        }
      : {}),
  };
}
