// From blocks to the synthesised text (one line per block, its page lines joined with spaces,
// words broken at a line's end rejoined) and an mdast tree positioned in that text, with the
// segments that map every stretch of the text back to its page, line and column.

import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Point as UnistPoint, Position } from 'unist';
import type { PageLine } from './layout.js';
import type { Segment } from './locator.js';
import type { Block } from './structure.js';

export interface BuiltTree {
  text: string;
  tree: Root;
  segments: Segment[];
}

interface Span {
  from: number;
  to: number;
  url?: string;
}

export function buildTree(blocks: Block[], words: ReadonlySet<string>): BuiltTree {
  let text = '';
  const segments: Segment[] = [];
  const children: RootContent[] = [];
  let lists: Array<{ node: List; indent: number }> = [];

  blocks.forEach((block, index) => {
    if (index > 0) text += '\n';
    const lineNumber = index + 1;
    const blockStart = text.length;
    const spans: Span[] = [];
    block.lines.forEach((line, i) => {
      const skip = i === 0 && block.kind === 'item' ? block.markerLength : 0;
      let piece = line.text.slice(skip);
      const next = block.lines[i + 1];
      let joiner = next ? ' ' : '';
      if (next && /\p{L}[-\u00AD]$/u.test(piece) && /^\p{Ll}/u.test(next.text)) {
        const before = /[\p{L}-]+$/u.exec(piece.slice(0, -1))![0];
        const after = /^[\p{L}-]+/u.exec(next.text)![0];
        // A soft hyphen, or a word the document spells whole elsewhere, was broken by the line
        // end: rejoin it. Otherwise it is a compound ("face-to-face") and keeps its hyphen.
        const broken = piece.endsWith('\u00AD') || (words.has(`${before}${after}`.toLowerCase()) && !words.has(`${before}-${after}`.toLowerCase()));
        if (broken) piece = piece.slice(0, -1);
        joiner = '';
      }
      const offset = text.length;
      text += piece;
      segments.push({ offset, end: text.length, page: line.page, line: line.number, column: skip + 1 });
      for (const link of line.links) {
        const from = Math.max(link.from - skip, 0);
        const to = Math.min(link.to - skip, piece.length);
        if (to > from) spans.push({ from: offset + from, to: offset + to, url: link.url });
      }
      text += joiner;
    });
    const blockEnd = text.length;
    const point = (offset: number): UnistPoint => ({ line: lineNumber, column: offset - blockStart + 1, offset });
    const position: Position = { start: point(blockStart), end: point(blockEnd) };
    const content = phrasing(text, blockStart, blockEnd, spans, point);

    if (block.kind !== 'item') lists = [];
    if (block.kind === 'heading') {
      children.push({ type: 'heading', depth: Math.min(6, Math.max(1, block.depth)) as Heading['depth'], children: content, position });
      return;
    }
    const paragraph: Paragraph = { type: 'paragraph', children: content, position };
    if (block.kind === 'paragraph') {
      children.push(paragraph);
      return;
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
      const list: List = { type: 'list', ordered: block.ordered, start: block.ordered ? block.start : null, spread: false, children: [], position: { start: position.start, end: position.end } };
      const parent = top?.node.children[top.node.children.length - 1];
      if (parent) parent.children.push(list);
      else children.push(list);
      lists.push({ node: list, indent: block.indent });
      top = lists[lists.length - 1];
    }
    const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [paragraph], position: { start: position.start, end: position.end } };
    top!.node.children.push(item);
    for (const open of lists) {
      open.node.position!.end = position.end;
      open.node.children[open.node.children.length - 1]!.position!.end = position.end;
    }
  });

  const end: UnistPoint = { line: Math.max(1, blocks.length), column: text.length - (text.lastIndexOf('\n') + 1) + 1, offset: text.length };
  return { text, tree: { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } }, segments };
}

/** Text and link nodes covering [from, to) of the block. */
function phrasing(text: string, from: number, to: number, links: Span[], point: (offset: number) => UnistPoint): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = from;
  const plain = (a: number, b: number) => {
    if (b > a) out.push({ type: 'text', value: text.slice(a, b), position: { start: point(a), end: point(b) } });
  };
  for (const link of links) {
    if (link.from < at) continue;
    plain(at, link.from);
    const position = { start: point(link.from), end: point(link.to) };
    out.push({ type: 'link', url: link.url!, title: null, children: [{ type: 'text', value: text.slice(link.from, link.to), position }], position });
    at = link.to;
  }
  plain(at, to);
  return out;
}

