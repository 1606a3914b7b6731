// Sentences and words with positions in the original text, from the natural-language tree
// (mdast-util-to-nlcst with parse-english over the whole document, so inline markup never
// shifts a column). Tables are converted cell by cell, since the converter skips them.

import { toNlcst } from 'mdast-util-to-nlcst';
import { ParseEnglish } from 'parse-english';
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Root as MdastRoot, Paragraph as MdastParagraph, Nodes as MdastNodes, Parents as MdastParents, Text as MdastText } from 'mdast';
import type { Point } from 'unist';
import type { Root as NlcstRoot, Sentence as NlcstSentence, Nodes as NlcstNodes } from 'nlcst';
import { blockAt, type Block } from './structure.js';

export interface Sentence {
  index: number;
  /** The sentence as plain text, without Markdown syntax. */
  text: string;
  start: number;
  end: number;
  block: Block;
  /** The words' values, in order. */
  words: string[];
  /** Maps an index in `text` to an offset in the source. */
  sourceOffset(index: number): number;
}

const parser = new ParseEnglish();

export function buildSentences(tree: MdastRoot, text: string, blocks: readonly Block[]): Sentence[] {
  const file = new VFile({ value: text });
  // Each tree with the offset its positions count from.
  const roots: Array<{ root: NlcstRoot; base: number }> = [{ root: toNlcst(withoutOversizedBlocks(tree, text), file, parser), base: 0 }];
  for (const block of blocks) {
    if (block.kind !== 'tableCell' || !block.node.position) continue;
    roots.push(cellToNlcst(block.node as unknown as MdastParagraph, text));
  }

  const sentences: Sentence[] = [];
  for (const { root, base } of roots) {
    for (const paragraph of root.children) {
      if (paragraph.type !== 'ParagraphNode') continue;
      for (const child of paragraph.children) {
        if (child.type !== 'SentenceNode') continue;
        const sentence = makeSentence(child, blocks, sentences.length, base);
        if (sentence) sentences.push(sentence);
      }
    }
  }
  sentences.sort((a, b) => a.start - b.start);
  sentences.forEach((s, i) => (s.index = i));
  return sentences;
}

/**
 * One table cell as a natural-language tree. mdast-util-to-nlcst indexes the lines of the file
 * it is given from the top on every call, which made a document's cells cost time in
 * proportion to cells × lines. So the converter gets only the text from the start of the
 * cell's line to the cell's end, and a copy of the cell with its positions moved to match;
 * the tree comes back with offsets counted from `base`.
 */
function cellToNlcst(cell: MdastParagraph, text: string): { root: NlcstRoot; base: number } {
  const position = cell.position!;
  const start = position.start.offset!;
  // The start of the cell's line, as vfile-location counts lines (after \n, \r or \r\n).
  // Walked back by hand: lastIndexOf('\r') would scan to the top of a file that has none.
  let base = start;
  while (base > 0) {
    const c = text.charCodeAt(base - 1);
    if (c === 10 || c === 13) break;
    base--;
  }
  const lines = position.start.line - 1;
  const file = new VFile({ value: text.slice(base, position.end.offset!) });
  const wrapper: MdastParagraph = { type: 'paragraph', children: cell.children.map((c) => moved(c, base, lines)), position: movedPosition(position, base, lines) };
  return { root: toNlcst(wrapper, file, parser), base };
}

function moved<T extends MdastNodes>(node: T, offsets: number, lines: number): T {
  const copy = { ...node };
  if (node.position) copy.position = movedPosition(node.position, offsets, lines);
  if ('children' in node) (copy as { children: MdastNodes[] }).children = node.children.map((c) => moved(c as MdastNodes, offsets, lines));
  return copy;
}

function movedPosition(position: { start: Point; end: Point }, offsets: number, lines: number): { start: Point; end: Point } {
  const point = (p: Point): Point => ({ line: p.line - lines, column: p.column, offset: p.offset === undefined ? undefined : p.offset - offsets });
  return { start: point(position.start), end: point(position.end) };
}

function makeSentence(node: NlcstSentence, blocks: readonly Block[], index: number, base: number): Sentence | null {
  const nodeStart = node.position?.start.offset;
  const nodeEnd = node.position?.end.offset;
  if (nodeStart === undefined || nodeEnd === undefined) return null;
  const start = nodeStart + base;
  const end = nodeEnd + base;
  const block = blockAt(blocks, start);
  if (!block) return null;

  // Collect the leaves and remember where each leaf starts in the source. The text is joined
  // once at the end: slicing a string while it is still being appended to made V8 flatten
  // it again for every word.
  const parts: string[] = [];
  let length = 0;
  const plainStarts: number[] = [];
  const sourceStarts: number[] = [];
  const words: string[] = [];
  const visit = (n: NlcstNodes): void => {
    if ('value' in n && typeof n.value === 'string') {
      const offset = n.position?.start.offset;
      if (offset !== undefined) {
        plainStarts.push(length);
        sourceStarts.push(offset + base);
      }
      parts.push(n.value);
      length += n.value.length;
      return;
    }
    if ('children' in n) {
      if (n.type === 'WordNode') {
        const first = parts.length;
        for (const c of n.children) visit(c as NlcstNodes);
        words.push(parts.length === first + 1 ? parts[first]! : parts.slice(first).join(''));
        return;
      }
      for (const c of n.children) visit(c as NlcstNodes);
    }
  };
  visit(node);
  const text = parts.join('');
  const trimmed = text.trimEnd();
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return null;

  return {
    index,
    text: trimmed,
    start,
    end,
    block,
    words,
    sourceOffset(i: number): number {
      // The last leaf that starts at or before i.
      let lo = 0;
      let hi = plainStarts.length - 1;
      let at = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (plainStarts[mid]! <= i) {
          at = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return (sourceStarts[at] ?? start) + (i - (plainStarts[at] ?? 0));
    },
  };
}

// mdast-util-to-nlcst spreads each top-level block's tokens into one array in a single call,
// which overflows the stack for a block of a few hundred thousand characters (a whole file with
// no blank line). Such blocks are replaced by their inner blocks, and an oversized paragraph is
// cut at white space; sentences still map to the original blocks by offset.
const MAX_BLOCK_CHARS = 50_000;

function withoutOversizedBlocks(tree: MdastRoot, text: string): MdastRoot {
  let place: ReturnType<typeof location> | undefined;
  const point = (offset: number) => {
    place ??= location(text);
    const p = place.toPoint(offset)!;
    return { line: p.line, column: p.column, offset };
  };
  const size = (node: MdastNodes) => {
    const pos = node.position;
    return pos?.end.offset !== undefined && pos.start.offset !== undefined ? pos.end.offset - pos.start.offset : 0;
  };
  if (tree.children.every((c) => size(c) <= MAX_BLOCK_CHARS)) return tree;
  const flatten = (node: MdastNodes): MdastNodes[] => {
    if (size(node) <= MAX_BLOCK_CHARS || !('children' in node)) return [node];
    if (node.type === 'paragraph' || node.type === 'heading') return cutParagraph(node as MdastParagraph, point);
    return (node as MdastParents).children.flatMap((c) => flatten(c as MdastNodes));
  };
  return { ...tree, children: tree.children.flatMap((c) => flatten(c)) as MdastRoot['children'] };
}

function cutParagraph(
  paragraph: MdastParagraph,
  point: (offset: number) => { line: number; column: number; offset: number },
): MdastParagraph[] {
  const pieces: MdastParagraph[] = [];
  let current: MdastParagraph['children'] = [];
  let size = 0;
  const flush = () => {
    if (!current.length) return;
    const first = current[0]!.position!;
    const last = current[current.length - 1]!.position!;
    pieces.push({ type: 'paragraph', children: current, position: { start: first.start, end: last.end } });
    current = [];
    size = 0;
  };
  for (const child of paragraph.children) {
    const start = child.position?.start.offset;
    if (child.type !== 'text' || start === undefined) {
      current.push(child);
      continue;
    }
    const value = (child as MdastText).value;
    let from = 0;
    while (from < value.length) {
      let to = Math.min(value.length, from + MAX_BLOCK_CHARS - size);
      if (to < value.length) {
        const space = value.lastIndexOf(' ', to);
        if (space > from) to = space + 1;
      }
      current.push({ type: 'text', value: value.slice(from, to), position: { start: point(start + from), end: point(start + to) } });
      size += to - from;
      from = to;
      if (size >= MAX_BLOCK_CHARS * 0.9) flush();
    }
  }
  flush();
  return pieces;
}
