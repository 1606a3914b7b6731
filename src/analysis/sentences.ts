// Sentences and words with positions in the original text, from the natural-language tree
// (mdast-util-to-nlcst with parse-english over the whole document, so inline markup never
// shifts a column). Tables are converted cell by cell, since the converter skips them.

import { toNlcst } from 'mdast-util-to-nlcst';
import { ParseEnglish } from 'parse-english';
import { VFile } from 'vfile';
import type { Root as MdastRoot, Paragraph as MdastParagraph } from 'mdast';
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
  const roots: NlcstRoot[] = [toNlcst(tree, file, parser)];
  for (const block of blocks) {
    if (block.kind !== 'tableCell' || !block.node.position) continue;
    const cell = block.node as unknown as MdastParagraph;
    const wrapper: MdastParagraph = { type: 'paragraph', children: cell.children, position: cell.position };
    roots.push(toNlcst(wrapper, file, parser));
  }

  const sentences: Sentence[] = [];
  for (const root of roots) {
    for (const paragraph of root.children) {
      if (paragraph.type !== 'ParagraphNode') continue;
      for (const child of paragraph.children) {
        if (child.type !== 'SentenceNode') continue;
        const sentence = makeSentence(child, blocks, sentences.length);
        if (sentence) sentences.push(sentence);
      }
    }
  }
  sentences.sort((a, b) => a.start - b.start);
  sentences.forEach((s, i) => (s.index = i));
  return sentences;
}

function makeSentence(node: NlcstSentence, blocks: readonly Block[], index: number): Sentence | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  const block = blockAt(blocks, start);
  if (!block) return null;

  // Concatenate the leaves and remember where each leaf starts in the source.
  let text = '';
  const plainStarts: number[] = [];
  const sourceStarts: number[] = [];
  const words: string[] = [];
  const visit = (n: NlcstNodes): void => {
    if ('value' in n && typeof n.value === 'string') {
      const offset = n.position?.start.offset;
      if (offset !== undefined) {
        plainStarts.push(text.length);
        sourceStarts.push(offset);
      }
      text += n.value;
      return;
    }
    if ('children' in n) {
      if (n.type === 'WordNode') {
        const before = text.length;
        for (const c of n.children) visit(c as NlcstNodes);
        words.push(text.slice(before));
        return;
      }
      for (const c of n.children) visit(c as NlcstNodes);
    }
  };
  visit(node);
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
