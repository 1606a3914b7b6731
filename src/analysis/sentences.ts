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
import { MAX_SENTENCE_CHARS, MAX_SENTENCE_WORDS, SENTENCE_TOO_LONG } from '../core/limits.js';
import type { SkippedText } from '../core/types.js';
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

/**
 * The document's sentences. One longer than MAX_SENTENCE_WORDS or MAX_SENTENCE_CHARS is left out
 * (and added to `skipped`): rules look at a sentence's words around each match, so their time
 * grows with the square of its length (a 168 KB paragraph without a full stop took 20 s).
 */
export function buildSentences(tree: MdastRoot, text: string, blocks: readonly Block[], skipped: SkippedText[] = []): Sentence[] {
  // Each tree with the offset its positions count from.
  const roots: Array<{ root: NlcstRoot; base: number }> = [];
  for (const run of blockRuns(withoutOversizedBlocks(tree, text))) roots.push(runToNlcst(run, text));
  for (const block of blocks) {
    if (block.kind !== 'tableCell' || !block.node.position) continue;
    roots.push(runToNlcst([block.node as unknown as MdastParagraph], text));
  }

  const sentences: Sentence[] = [];
  const tooLong: SkippedText[] = [];
  for (const { root, base } of roots) {
    for (const paragraph of root.children) {
      if (paragraph.type !== 'ParagraphNode') continue;
      for (const child of paragraph.children) {
        if (child.type !== 'SentenceNode') continue;
        const sentence = makeSentence(child, blocks, sentences.length, base);
        if (!sentence) continue;
        if (sentence.words.length > MAX_SENTENCE_WORDS || sentence.text.length > MAX_SENTENCE_CHARS) {
          tooLong.push({ start: sentence.start, end: sentence.end, reason: SENTENCE_TOO_LONG });
        } else {
          sentences.push(sentence);
        }
      }
    }
  }
  skipped.push(...tooLong.sort((a, b) => a.start - b.start));
  sentences.sort((a, b) => a.start - b.start);
  sentences.forEach((s, i) => (s.index = i));
  return sentences;
}

// parse-english splits its input at each blank line by copying the rest of its tokens, so one
// call over a whole document cost time in proportion to blocks × words (50,000 headings took
// minutes). The document is converted in runs of at most this many leaf blocks and characters;
// sentences never cross a block, so the sentences are the same.
const RUN_BLOCKS = 64;
const RUN_CHARS = 50_000;
// Blocks that hold other blocks: converted through their children, so a long list splits too.
const CONTAINERS = new Set(['list', 'listItem', 'blockquote', 'footnoteDefinition']);

function blockRuns(tree: MdastRoot): MdastNodes[][] {
  const runs: MdastNodes[][] = [];
  let run: MdastNodes[] = [];
  let chars = 0;
  // Iterative, so that no nesting depth can overflow the stack.
  const stack: MdastNodes[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (CONTAINERS.has(node.type) && 'children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as MdastNodes);
      continue;
    }
    const pos = node.position;
    if (pos?.start.offset === undefined || pos.end.offset === undefined) continue;
    const size = pos.end.offset - pos.start.offset;
    if (run.length > 0 && (run.length >= RUN_BLOCKS || chars + size > RUN_CHARS)) {
      runs.push(run);
      run = [];
      chars = 0;
    }
    run.push(node);
    chars += size;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * A run of blocks (or one table cell) as a natural-language tree. mdast-util-to-nlcst indexes
 * the lines of the file it is given from the top on every call, which made a document's runs
 * cost time in proportion to runs × lines. So the converter gets only the text from the start
 * of the run's first line to the run's end, and a copy of the run with its positions moved to
 * match; the tree comes back with offsets counted from `base`.
 */
function runToNlcst(run: MdastNodes[], text: string): { root: NlcstRoot; base: number } {
  const first = run[0]!.position!;
  const last = run[run.length - 1]!.position!;
  const start = first.start.offset!;
  // The start of the run's line, as vfile-location counts lines (after \n, \r or \r\n).
  // Walked back by hand: lastIndexOf('\r') would scan to the top of a file that has none.
  let base = start;
  while (base > 0) {
    const c = text.charCodeAt(base - 1);
    if (c === 10 || c === 13) break;
    base--;
  }
  const lines = first.start.line - 1;
  const file = new VFile({ value: text.slice(base, last.end.offset!) });
  const position = { start: first.start, end: last.end };
  const wrapper =
    run.length === 1 && run[0]!.type === 'tableCell'
      ? ({ type: 'paragraph', children: (run[0] as unknown as MdastParagraph).children.map((c) => moved(c, base, lines)), position: movedPosition(position, base, lines) } as MdastParagraph)
      : ({ type: 'root', children: run.map((c) => moved(c, base, lines)), position: movedPosition(position, base, lines) } as MdastRoot);
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
  const end = nodeEnd + base;

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
      // The blank lines where a table was skipped open the next sentence; they are not part of it.
      if (length === 0 && !/\S/.test(n.value)) return;
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
  // Placed by its first word, not where the converter began it: the blank lines after a table
  // would give a heading's sentence to the table's last cell.
  const start = sourceStarts[0] ?? nodeStart + base;
  const block = blockAt(blocks, start);
  if (!block) return null;

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
