// From blocks to the synthesised text (one line per block, or per table cell, its page lines
// joined with spaces and words broken at a line's end rejoined) and an mdast tree positioned in
// that text, with the segments that map every stretch of the text back to its page, line and
// column.

import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Node, Position } from 'unist';
import { location } from 'vfile-location';
import type { PageLine } from './layout.js';
import type { Segment } from './locator.js';
import type { Block } from './structure.js';

export interface BuiltTree {
  text: string;
  tree: Root;
  segments: Segment[];
}

/** Part of one page line: columns [from, to) of its text. */
interface Piece {
  line: PageLine;
  from: number;
  to: number;
}

interface Span {
  from: number;
  to: number;
  url: string;
}

/** Offsets only; lines and columns are filled in once the whole text is known. */
const at = (from: number, to: number): Position => ({ start: { line: 0, column: 0, offset: from }, end: { line: 0, column: 0, offset: to } });

export function buildTree(blocks: Block[], words: ReadonlySet<string>): BuiltTree {
  let text = '';
  const segments: Segment[] = [];
  const children: RootContent[] = [];
  let lists: Array<{ node: List; indent: number }> = [];

  /** Appends pieces of page lines as one line of text; returns its phrasing content and extent. */
  const write = (pieces: Piece[]): { content: PhrasingContent[]; position: Position } => {
    if (text.length > 0) text += '\n';
    const start = text.length;
    // The line is built on its own and its nodes' values sliced from it: slicing the whole text
    // as it grew made V8 flatten it again for every block, quadratic in the document's length.
    let own = '';
    const links: Span[] = [];
    pieces.forEach(({ line, from, to }, i) => {
      const raw = line.text.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      let piece = raw.trim();
      const next = pieces[i + 1];
      const nextText = next ? next.line.text.slice(next.from, next.to).trim() : '';
      let joiner = next ? ' ' : '';
      if (next && /\p{L}[-\u00AD]$/u.test(piece) && /^\p{Ll}/u.test(nextText)) {
        const before = /(?<![\p{L}-])[\p{L}-]+$/u.exec(piece.slice(0, -1))![0];
        const after = /^[\p{L}-]+/u.exec(nextText)![0];
        // A soft hyphen, or a word the document spells whole elsewhere, was broken by the line
        // end: rejoin it. Otherwise it is a compound ("face-to-face") and keeps its hyphen.
        const broken = piece.endsWith('\u00AD') || (words.has(`${before}${after}`.toLowerCase()) && !words.has(`${before}-${after}`.toLowerCase()));
        if (broken) piece = piece.slice(0, -1);
        joiner = '';
      }
      const offset = start + own.length;
      const column = from + lead;
      own += piece;
      segments.push({ offset, end: start + own.length, page: line.page, line: line.number, column: column + 1 });
      for (const link of line.links) {
        const a = Math.max(link.from - column, 0);
        const b = Math.min(link.to - column, piece.length);
        if (b > a) links.push({ from: offset + a, to: offset + b, url: link.url });
      }
      own += joiner;
    });
    text += own;
    const end = text.length;
    return { content: phrasing(own, start, links), position: at(start, end) };
  };

  for (const block of blocks) {
    if (block.kind !== 'item') lists = [];
    if (block.kind === 'table') {
      const table = buildTable(block.lines, write);
      if (table) children.push(table);
      continue;
    }
    const skip = block.kind === 'item' ? block.markerLength : 0;
    const { content, position } = write(block.lines.map((line, i) => ({ line, from: i === 0 ? skip : 0, to: line.text.length })));
    if (block.kind === 'heading') {
      children.push({ type: 'heading', depth: Math.min(6, Math.max(1, block.depth)) as Heading['depth'], children: content, position });
      continue;
    }
    const paragraph: Paragraph = { type: 'paragraph', children: content, position };
    if (block.kind === 'paragraph') {
      children.push(paragraph);
      continue;
    }
    // List items nest by how far their marker is set in.
    const tolerance = 2;
    while (lists.length && lists[lists.length - 1]!.indent > block.indent + tolerance) lists.pop();
    let top = lists[lists.length - 1];
    if (top && Math.abs(top.indent - block.indent) <= tolerance && top.node.ordered !== block.ordered) {
      lists.pop();
      top = lists[lists.length - 1];
    }
    if (!top || top.indent < block.indent - tolerance) {
      const list: List = { type: 'list', ordered: block.ordered, start: block.ordered ? block.start : null, spread: false, children: [], position: at(position.start.offset!, position.end.offset!) };
      const parent = top?.node.children[top.node.children.length - 1];
      if (parent) parent.children.push(list);
      else children.push(list);
      lists.push({ node: list, indent: block.indent });
      top = lists[lists.length - 1];
    }
    top!.node.children.push({ type: 'listItem', spread: false, checked: null, children: [paragraph], position: at(position.start.offset!, position.end.offset!) } satisfies ListItem);
    for (const open of lists) {
      open.node.position!.end.offset = position.end.offset;
      open.node.children[open.node.children.length - 1]!.position!.end.offset = position.end.offset;
    }
  }

  const tree: Root = { type: 'root', children, position: at(0, text.length) };
  const place = location(text);
  const fill = (node: Node) => {
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      const found = place.toPoint(point.offset!);
      point.line = found?.line ?? 1;
      point.column = found?.column ?? 1;
    }
    if ('children' in node) for (const child of node.children as Node[]) fill(child);
  };
  fill(tree);
  return { text, tree, segments };
}

/** A table block's lines to a table: rows as the layout split them, a cell per column. */
function buildTable(lines: PageLine[], write: (pieces: Piece[]) => { content: PhrasingContent[]; position: Position }): Table | null {
  const width = Math.max(...lines.flatMap((l) => l.table!.cells.map((c) => c.column))) + 1;
  const rows: Piece[][][] = [];
  for (const line of lines) {
    const row = (rows[line.table!.row] ??= Array.from({ length: width }, () => []));
    for (const cell of line.table!.cells) row[cell.column]!.push({ line, from: cell.from, to: cell.to });
  }
  const tableRows: TableRow[] = [];
  for (const row of rows.filter(Boolean)) {
    const cells: TableCell[] = row.map((pieces) => {
      if (!pieces.length) return { type: 'tableCell', children: [] };
      const { content, position } = write(pieces);
      return { type: 'tableCell', children: content, position };
    });
    const placed = cells.filter((c) => c.position);
    if (!placed.length) continue;
    tableRows.push({ type: 'tableRow', children: cells, position: at(placed[0]!.position!.start.offset!, placed[placed.length - 1]!.position!.end.offset!) });
  }
  if (!tableRows.length) return null;
  return {
    type: 'table',
    align: new Array(width).fill(null),
    children: tableRows,
    position: at(tableRows[0]!.position!.start.offset!, tableRows[tableRows.length - 1]!.position!.end.offset!),
  };
}

/** Text and link nodes covering one line of the text, `line`, which starts at offset `from`. */
function phrasing(line: string, from: number, links: Span[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const value = (a: number, b: number) => line.slice(a - from, b - from);
  let cursor = from;
  const plain = (a: number, b: number) => {
    if (b > a) out.push({ type: 'text', value: value(a, b), position: at(a, b) });
  };
  for (const link of links) {
    if (link.from < cursor) continue;
    plain(cursor, link.from);
    out.push({ type: 'link', url: link.url, title: null, children: [{ type: 'text', value: value(link.from, link.to), position: at(link.from, link.to) }], position: at(link.from, link.to) });
    cursor = link.to;
  }
  plain(cursor, from + line.length);
  return out;
}
